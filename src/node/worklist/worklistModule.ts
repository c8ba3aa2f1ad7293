import type { SqliteDatabase } from '../store/openDatabase.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { worklistHandlers } from './worklistHandlers.js';
import { WorklistQueries } from './WorklistQueries.js';

/** The worklist: read-only queries over the study tables. */
export function worklistModule(d: { db: SqliteDatabase }) {
	const queries = new WorklistQueries(d.db);
	return { queries, handlers: worklistHandlers(queries), background: [] } satisfies WorkstationModule;
}
