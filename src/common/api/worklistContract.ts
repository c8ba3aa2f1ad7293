import { z } from 'zod';

export const StudyStatus = z.enum(['new', 'drafted', 'in_review', 'signed']);
export type StudyStatus = z.infer<typeof StudyStatus>;

export const Priority = z.enum(['routine', 'urgent', 'stat']);
export type Priority = z.infer<typeof Priority>;

/**
 * Every worklist column sorts; `imported` (arrival order, newest first) is the default. Patient names and IDs
 * sort folded from their first letter or digit, as in a telephone book (Müller, muller and MÜLLER together).
 */
export const WorklistSortKey = z.enum([
	'imported',
	'patientName',
	'patientId',
	'age',
	'studyDate',
	'modality',
	'bodyPart',
	'views',
	'imageCount',
	'status',
	'priority',
]);
export type WorklistSortKey = z.infer<typeof WorklistSortKey>;

export const WorklistItem = z.object({
	studyId: z.number().int(),
	studyInstanceUid: z.string(),
	patientName: z.string(),
	/** The DICOM person name, components kept, for display (formatPersonName); null if imported before it was kept. */
	patientPersonName: z.string().nullable(),
	patientId: z.string(),
	/** DICOM age string at the study date: computed from the birth date when known, else the PatientAge sent. */
	patientAge: z.string().nullable(),
	patientSex: z.string().nullable(),
	studyDate: z.string().nullable(),
	modality: z.string().nullable(),
	bodyPart: z.string().nullable(),
	views: z.array(z.string()),
	imageCount: z.number().int(),
	status: StudyStatus,
	priority: Priority,
	description: z.string().nullable(),
	/** Where this row stands in the list's sort, for `after` and `before` (opaque; only for the same sort). */
	cursor: z.string().optional(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const WorklistQuery = z
	.object({
		search: z.string().max(200).optional(),
		status: z.array(StudyStatus).optional(),
		dateFrom: z
			.string()
			.regex(/^\d{8}$/)
			.optional(),
		dateTo: z
			.string()
			.regex(/^\d{8}$/)
			.optional(),
		sort: WorklistSortKey.default('imported'),
		direction: z.enum(['asc', 'desc']).default('desc'),
		offset: z.number().int().min(0).default(0),
		limit: z.number().int().min(1).max(1000).default(100),
		/** The rows just after this row's `cursor` (keyset paging: as fast deep in the list as at its top). */
		after: z.string().max(2000).optional(),
		/** The rows just before this row's `cursor`, still in the list's order. */
		before: z.string().max(2000).optional(),
	})
	.strict();
export type WorklistQuery = z.input<typeof WorklistQuery>;

export const WorklistPage = z.object({
	total: z.number().int(),
	/** The first item's place in the list; -1 for a page asked by cursor (its place is not counted). */
	offset: z.number().int(),
	items: z.array(WorklistItem),
	/** True when a search or date filter matched more than `total` studies and counting stopped there. */
	totalAtLeast: z.boolean().optional(),
});
export type WorklistPage = z.infer<typeof WorklistPage>;

export const worklistContract = {
	'worklist.list': { input: WorklistQuery, output: WorklistPage },
	/** The reader sets a study's reading priority; recorded in the audit log under the reader's name. */
	'study.setPriority': {
		input: z.object({ studyId: z.number().int(), priority: Priority }).strict(),
		output: z.object({ studyId: z.number().int(), priority: Priority }),
	},
} as const;

// How the UI shows the patient fields of the worklist and the study (one formatter for both screens).
export { formatAge } from '../domain/formatAge.js';
export { formatDicomDate } from '../domain/formatDicomDate.js';
export { formatPersonName } from '../domain/formatPersonName.js';
