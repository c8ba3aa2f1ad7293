import type { EventSink } from '../events/EventSink.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import { SqliteStudyStore } from '../store/SqliteStudyStore.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { studiesHandlers } from './studiesHandlers.js';
import { StudyImporter } from './StudyImporter.js';
import { StudyService } from './StudyService.js';

/** Studies and their import: folder and upload import, the study view and its image frames. */
export function studiesModule(d: { db: SqliteDatabase; dataDir: string; events: EventSink }) {
	const store = new SqliteStudyStore(d.db);
	/** `importer.onStudyImported(fn)` hears every study that got new images. */
	const importer = new StudyImporter(store, d.dataDir, d.events);
	const studies = new StudyService(store, importer.originals);
	return {
		store,
		importer,
		studies,
		handlers: studiesHandlers({ importer, studies, imports: store }),
		background: [],
	} satisfies WorkstationModule;
}
