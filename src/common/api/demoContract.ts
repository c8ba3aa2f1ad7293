import { z } from 'zod';

/** Demo studies: synthetic phantoms so a new user can try the whole workflow without owning any DICOM. */
export const DemoLoadResult = z.object({
	studies: z.number().int(),
	imported: z.number().int(),
	duplicates: z.number().int(),
	failed: z.number().int(),
	studyIds: z.array(z.number().int()),
	/** "Synthetic phantom: demo data, not a patient, not for clinical use". */
	notice: z.string(),
});
export type DemoLoadResult = z.infer<typeof DemoLoadResult>;

export const demoContract = {
	'demo.load': {
		input: z.object({ count: z.number().int().min(1).max(200).default(20) }).strict(),
		output: DemoLoadResult,
	},
} as const;
