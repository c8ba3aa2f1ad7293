import type { WorklistSortKey } from '../../common/api/worklistContract.js';
import { ApiError } from '../../common/api/errors.js';

/** A row's place in one sort: its sort key and its study id (the tie-break). */
export interface WorklistPlace {
	readonly key: string | number;
	readonly id: number;
}

/**
 * Cursors carry their sort, so a cursor from another sort (a stale page after the reader re-sorted) is
 * refused instead of silently opening the list at the wrong study.
 */
export const worklistCursor = {
	encode(sort: WorklistSortKey, place: WorklistPlace): string {
		return JSON.stringify([sort, place.key, place.id]);
	},
	decode(sort: WorklistSortKey, cursor: string): WorklistPlace {
		let parts: unknown;
		try {
			parts = JSON.parse(cursor);
		} catch {
			parts = null;
		}
		if (!Array.isArray(parts) || parts.length !== 3) throw bad('is not a worklist cursor');
		const [s, key, id] = parts as unknown[];
		if (s !== sort) throw bad(`belongs to the sort by ${String(s)}, not by ${sort}`);
		if ((typeof key !== 'string' && typeof key !== 'number') || !Number.isInteger(id)) throw bad('is damaged');
		return { key, id: id as number };
	},
};

function bad(why: string): ApiError {
	return new ApiError('bad_request', `The worklist page cursor ${why}; reload the worklist.`);
}
