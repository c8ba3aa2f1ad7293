import type { PatientIdentity } from './PatientIdentity.js';

/** The study being read, as the priors search needs it: whose it is, which it is, and when. */
export interface CurrentStudy {
	/** The study's id here (a PACS finder asks the PACS the study came from). */
	readonly studyId: number;
	readonly patient: PatientIdentity;
	readonly studyInstanceUid: string;
	/** DICOM DA (YYYYMMDD); null where the study has none. */
	readonly studyDate: string | null;
}
