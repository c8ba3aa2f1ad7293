import type { Hl7Settings } from '../../common/api/appContract.js';
import type { ReportDocument } from './ReportDocument.js';
import type { SrUids } from './srExport.js';

/**
 * The report as a DICOM SR and as an HL7 ORU^R01, for senders outside this capability (the outbox).
 * Loaded on first use, as ReportExports loads them, so start-up does not load dcmjs or the HL7 model.
 */
export const reportEncodings = {
	async sr(doc: ReportDocument, uids: SrUids): Promise<Uint8Array> {
		return (await import('./srExport.js')).srExport(doc, uids);
	},
	async hl7(doc: ReportDocument, names: Hl7Settings, controlId: string): Promise<string> {
		return (await import('./hl7Export.js')).hl7Export(doc, names, controlId);
	},
};
