// The reporting capability's public face: what other capabilities may import from src/node/reporting/.
export type { AuditTrail } from './AuditTrail.js';
export type { ReaderIdentity } from './ReaderIdentity.js';
export type { PositiveFindingsReader } from './PositiveFindingsReader.js';
export type { ReportStateSource } from './ReportStateSource.js';
export type { SignedReportListener } from './SignedReportListener.js';
export {
	AssistantUnavailableError,
	ConsistencyIssuesError,
	ReaderNameMissingError,
	ReportNotFoundError,
	SignedReportError,
} from './ReportingErrors.js';
