import type { WorklistFilter } from './useWorklistRows.js';

/**
 * The worklist's sort and filter for this window's session: the list comes back as the reader left
 * it, and "next study" in the viewer follows the same order.
 */
let current: WorklistFilter = { sort: 'imported', direction: 'desc' };

export function currentWorklistFilter(): WorklistFilter {
	return current;
}

export function rememberWorklistFilter(filter: WorklistFilter): void {
	current = filter;
}
