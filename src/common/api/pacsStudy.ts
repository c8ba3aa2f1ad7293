import { z } from 'zod';

/** A study as a PACS lists it (QIDO-RS or C-FIND at study level): enough to show a worklist row. */
export const PacsStudy = z.object({
	studyInstanceUid: z.string(),
	/** DICOM person name with its carets, e.g. "Doe^Jane". */
	patientName: z.string(),
	patientId: z.string(),
	issuerOfPatientId: z.string(),
	patientBirthDate: z.string(),
	patientSex: z.string(),
	/** YYYYMMDD, '' when the PACS has none. */
	studyDate: z.string(),
	studyTime: z.string(),
	accessionNumber: z.string(),
	studyDescription: z.string(),
	modalities: z.array(z.string()),
	/** null when the PACS does not say. */
	instanceCount: z.number().int().nullable(),
});
export type PacsStudy = z.infer<typeof PacsStudy>;

/** What to look for on a PACS; every field optional, all given fields must match. */
export const PacsStudyQuery = z
	.object({
		patientId: z.string().max(64),
		/** Matched as a prefix of the name, as a reader types it. */
		patientName: z.string().max(200),
		accessionNumber: z.string().max(64),
		/** YYYYMMDD, inclusive. */
		since: z.string().regex(/^\d{8}$/, 'Dates are YYYYMMDD'),
		until: z.string().regex(/^\d{8}$/, 'Dates are YYYYMMDD'),
		modalities: z.array(z.string().regex(/^[A-Z]{2,4}$/)).max(8),
		studyInstanceUid: z.string().max(64),
		limit: z.number().int().min(1).max(1000),
	})
	.partial()
	.strict();
export type PacsStudyQuery = z.infer<typeof PacsStudyQuery>;
