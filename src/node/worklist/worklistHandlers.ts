import type { ApiHandlers } from '../../common/api/contract.js';
import type { StudyPriorities } from './StudyPriorities.js';
import type { WorklistQueries } from './WorklistQueries.js';

/** The worklist, the next/previous study in it, and the reader's priority of a study. */
export function worklistHandlers(
	worklist: WorklistQueries,
	priorities: StudyPriorities,
): Pick<ApiHandlers, 'worklist.list' | 'study.adjacent' | 'study.setPriority'> {
	return {
		'worklist.list': (q) => Promise.resolve(worklist.list(q)),
		'study.adjacent': ({ studyId, direction, worklist: query }) =>
			Promise.resolve({ studyId: worklist.adjacent(studyId, query, direction) }),
		'study.setPriority': ({ studyId, priority }) => Promise.resolve(priorities.set(studyId, priority)),
	};
}
