import type { SqliteDatabase } from '../store/openDatabase.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { ReadingPlace } from './ReadingPlace.js';
import { SqliteUiStateStorage } from './SqliteUiStateStorage.js';
import { uiStateHandlers } from './uiStateHandlers.js';

/** Where the reader left the worklist and which study is open, kept in the database. */
export function uiStateModule(d: { db: SqliteDatabase }) {
	const place = new ReadingPlace(new SqliteUiStateStorage(d.db));
	return { place, handlers: uiStateHandlers(place), background: [] } satisfies WorkstationModule;
}
