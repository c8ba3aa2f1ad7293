import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { StudyPriorities, type StudyPrioritiesDependencies } from './StudyPriorities.js';
import { worklistHandlers } from './worklistHandlers.js';
import { WorklistQueries } from './WorklistQueries.js';

/** The worklist: queries over the study tables, and the reader's priority of each study (audited). */
export function worklistModule(d: StudyPrioritiesDependencies) {
	const queries = new WorklistQueries(d.db);
	const priorities = new StudyPriorities(d);
	return {
		queries,
		priorities,
		handlers: worklistHandlers(queries, priorities),
		background: [],
	} satisfies WorkstationModule;
}
