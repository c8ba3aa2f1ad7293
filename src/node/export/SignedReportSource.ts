import type { StoredCase } from './datasetExport.js';
import type { ReportDocument } from './ReportDocument.js';

/** The report data exports are made from, read through the reporting capability (never by SQL here). */
export interface SignedReportSource {
	/** The study's report as it stands now; throws a not-found error where the study has none. */
	document(studyId: number): ReportDocument;
	/** The easy-language text for the patient, or null while none was written. */
	handout(studyId: number): { text: string; reviewedBy: string | null } | null;
	/** Every model-drafted report with its corrections and conversation, for the instruct dataset. */
	datasetCases(): StoredCase[];
}
