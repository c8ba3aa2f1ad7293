import type { Hl7Settings } from '../../common/api/appContract.js';
import type { AuditTrail, ReaderIdentity } from '../reporting/index.js';
import type { SignedReportSource } from './SignedReportSource.js';

/** What ReportExports is built from: each part named for its role, passed in by exportModule or a test. */
export interface ExportDependencies {
	readonly reports: SignedReportSource;
	readonly audit: Pick<AuditTrail, 'record'>;
	readonly reader: ReaderIdentity;
	/** The reader's credentials from the settings ("MD, Consultant Radiologist"); '' while none are set. */
	readerCredentials(): string;
	/** The folder exports go to, from the settings; null while none is chosen. */
	exportFolder(): string | null;
	/** MSH sender and receiver names from the settings; the defaults where not given. */
	hl7Settings?(): Hl7Settings;
	/** The study's key image as PNG for the PDF, where the study has a readable image. */
	keyImagePng?(studyId: number): Promise<Uint8Array | null>;
}
