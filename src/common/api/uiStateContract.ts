import { z } from 'zod';
import { StudyStatus, WorklistSortKey } from './worklistContract.js';

const day = z
	.string()
	.regex(/^\d{8}$/)
	.nullable();

/** How the reader left the worklist: the row they were on, its order and its filters. */
export const WorklistView = z.object({
	selectedStudyId: z.number().int().nullable(),
	sort: z.object({
		key: WorklistSortKey,
		direction: z.enum(['asc', 'desc']),
	}),
	filters: z.object({
		search: z.string().max(200),
		status: z.array(StudyStatus),
		dateFrom: day,
		dateTo: day,
	}),
});
export type WorklistView = z.infer<typeof WorklistView>;

/**
 * Where the reader is in the reading day, kept by the server so it survives a reload and a restart
 * (browser mode gets a new port, and so new page storage, at every launch).
 */
export const UiState = z.object({
	worklist: WorklistView,
	/** The study on screen; null on the worklist. */
	openStudyId: z.number().int().nullable(),
});
export type UiState = z.infer<typeof UiState>;

/** A change to part of the state; the worklist's parts are replaced one by one. */
export const UiStatePatch = z
	.object({
		worklist: WorklistView.partial().strict().optional(),
		openStudyId: z.number().int().nullable().optional(),
	})
	.strict();
export type UiStatePatch = z.infer<typeof UiStatePatch>;

export const uiStateContract = {
	'ui.get': { input: z.object({}).strict(), output: UiState },
	'ui.update': { input: UiStatePatch, output: UiState },
} as const;
