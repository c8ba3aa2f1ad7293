import { z } from 'zod';

/** A signed report as the reader signed it: final text and the addenda signed after it, oldest first. */
export const PriorReport = z.object({
	findings: z.string(),
	impression: z.string(),
	signedBy: z.string().nullable(),
	signedAt: z.string().nullable(),
	addenda: z.array(z.object({ text: z.string(), signedBy: z.string(), signedAt: z.string() })),
});
export type PriorReport = z.infer<typeof PriorReport>;

/**
 * One other study of the same patient. `source` says where it was found: `local` studies open here
 * (`studyId`); `pacs` ones are only listed as being on the PACS (`studyId` null until retrieved).
 */
export const PriorStudy = z.object({
	source: z.enum(['local', 'pacs']),
	studyId: z.number().int().nullable(),
	studyInstanceUid: z.string(),
	/** DICOM DA (YYYYMMDD), as stored; null where the study has none. */
	studyDate: z.string().nullable(),
	description: z.string().nullable(),
	modality: z.string().nullable(),
	status: z.enum(['signed', 'not_signed']),
	/** The signed report's text; null while not signed (or not known, for a PACS study). */
	report: PriorReport.nullable(),
	/** The PACS a `pacs` study is on, for its retrieval; absent for local studies. */
	pacsId: z.string().optional(),
});
export type PriorStudy = z.infer<typeof PriorStudy>;

export const priorsContract = {
	/** The patient's other studies: earlier ones first, newest of them first; later ones after them. */
	'priors.list': {
		input: z.object({ studyId: z.number().int() }).strict(),
		output: z.object({
			priors: z.array(PriorStudy),
			/** Places that could not be searched, in words ("PACS not reachable: …"); the list holds the rest. */
			notes: z.array(z.string()).optional(),
		}),
	},
} as const;
