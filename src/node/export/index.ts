// The export capability's public face: what other capabilities may import from src/node/export/.
export type { ReportDocument } from './ReportDocument.js';
export { personNameFromReadable } from './ReportDocument.js';
export type { SignedReportSource } from './SignedReportSource.js';
export type { StoredCase } from './datasetExport.js';
export { ExportFolderMissingError, ExportFolderNotAbsoluteError, HandoutMissingError } from './ExportErrors.js';
export { HandoutContradictsReportError } from './HandoutContradictsReportError.js';
export { reportEncodings } from './reportEncodings.js';
export type { SrUids } from './srExport.js';
export { newDicomUid } from './dicomUid.js';
