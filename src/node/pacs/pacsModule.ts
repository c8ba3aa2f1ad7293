import type { PacsSettings } from '../../common/api/pacsSettings.js';
import type { EventSink } from '../events/EventSink.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { AutoFetch } from './AutoFetch.js';
import { pacsHandlers } from './pacsHandlers.js';
import { PacsOrigins } from './PacsOrigins.js';
import { PacsRetrieval } from './PacsRetrieval.js';
import { PacsService } from './PacsService.js';
import type { DraftStarter, LocalStudies } from './PacsServiceDependencies.js';
import type { RetrievedImages } from './RetrievedImages.js';
import { openPacsClient } from './openPacsClient.js';

/** The hospital's PACS: test, search and retrieve from the UI, and the background auto-fetch. */
export function pacsModule(d: {
	db: SqliteDatabase;
	events: EventSink;
	pacsSettings: () => PacsSettings;
	images: RetrievedImages;
	local: LocalStudies;
	drafts: DraftStarter;
	/** Shortens the auto-fetch's minute (tests). */
	autoFetchMinuteMs?: number;
}) {
	const clientFor = openPacsClient;
	const settings = { pacsSettings: d.pacsSettings };
	const origins = new PacsOrigins(d.db);
	const retrieval = new PacsRetrieval({ images: d.images, origins, events: d.events, clientFor });
	const service = new PacsService({ settings, local: d.local, retrieval, drafts: d.drafts, clientFor });
	const autoFetch = new AutoFetch(
		{ settings, pacs: service, events: d.events },
		d.autoFetchMinuteMs ? { minuteMs: d.autoFetchMinuteMs } : {},
	);
	return {
		service,
		origins,
		autoFetch,
		handlers: pacsHandlers(service),
		background: [autoFetch],
	} satisfies WorkstationModule;
}
