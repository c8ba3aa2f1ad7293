import { z } from 'zod';
import { PacsConnection } from './pacsSettings.js';
import { PacsStudy, PacsStudyQuery } from './pacsStudy.js';

/** A study found on a PACS, and whether this workstation already holds it. */
export const PacsSearchHit = PacsStudy.extend({
	/** The PACS it was found on. */
	pacsId: z.string(),
	/** The local study with the same Study Instance UID and patient ID; null while only on the PACS. */
	localStudyId: z.number().int().nullable(),
	/** Why it cannot be retrieved (a local study of another patient holds its UID); null when it can. */
	problem: z.string().nullable(),
});
export type PacsSearchHit = z.infer<typeof PacsSearchHit>;

/** The outcome of a connection test, in words for the reader ("Connected" or why not). */
export const PacsTestResult = z.object({ ok: z.boolean(), message: z.string() });
export type PacsTestResult = z.infer<typeof PacsTestResult>;

/** A retrieved study; its progress went out as `retrieve` progress events under `jobId` meanwhile. */
export const PacsRetrieved = z.object({ jobId: z.string(), studyId: z.number().int(), instances: z.number().int() });
export type PacsRetrieved = z.infer<typeof PacsRetrieved>;

const pacsId = z.string().min(1).max(64).optional();

export const pacsContract = {
	/** Checks a PACS answers, saved or not (the settings form tests what the reader typed). */
	'pacs.test': { input: z.object({ connection: PacsConnection }).strict(), output: PacsTestResult },
	/** Searches a PACS (absent: the default one); each hit says whether it is already local. */
	'pacs.search': {
		input: z.object({ pacsId, query: PacsStudyQuery }).strict(),
		output: z.array(PacsSearchHit),
	},
	/** Brings one study from a PACS (absent: the default one) into the worklist; answers once it is complete. */
	'pacs.retrieve': {
		input: z
			.object({
				pacsId,
				studyInstanceUid: z.string().min(1).max(64),
				/** The progress events' job id, chosen by the caller so its row can show the bar; opaque. */
				jobId: z.string().min(1).max(100).optional(),
			})
			.strict(),
		output: PacsRetrieved,
	},
} as const;
