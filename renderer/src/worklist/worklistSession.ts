import { readingSession } from './readingSession.js';
import type { WorklistFilter } from './useWorklistRows.js';

/** The worklist's sort and filter as the reader left them, so "next study" in the viewer follows that order. */
export function currentWorklistFilter(): WorklistFilter {
	const { sort, filters } = readingSession.state.worklist;
	return {
		sort: sort.key,
		direction: sort.direction,
		...(filters.search ? { search: filters.search } : {}),
		...(filters.status.length ? { status: filters.status } : {}),
		...(filters.dateFrom ? { dateFrom: filters.dateFrom } : {}),
		...(filters.dateTo ? { dateTo: filters.dateTo } : {}),
	};
}
