import type { ApiHandlers } from '../../common/api/contract.js';
import type { WorklistQueries } from './WorklistQueries.js';

/** The worklist and the next/previous study in it. */
export function worklistHandlers(worklist: WorklistQueries): Pick<ApiHandlers, 'worklist.list' | 'study.adjacent'> {
	return {
		'worklist.list': (q) => Promise.resolve(worklist.list(q)),
		'study.adjacent': ({ studyId, direction, worklist: query }) =>
			Promise.resolve({ studyId: worklist.adjacent(studyId, query, direction) }),
	};
}
