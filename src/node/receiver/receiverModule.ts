import type { Settings } from '../../common/api/appContract.js';
import type { EventSink } from '../events/EventSink.js';
import type { StudyImporter } from '../studies/index.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { ReceiverService } from './ReceiverService.js';

/** The DICOM C-STORE receiver: no API calls of its own; it runs in the background and restarts on new settings. */
export function receiverModule(d: {
	receiverSettings: () => Settings['receiver'];
	onSettingsUpdate: (l: (patch: Partial<Settings>) => Promise<void>) => void;
	importer: StudyImporter;
	/** Where received files wait between their answer and the database. */
	spoolFolder: string;
	events: EventSink;
}) {
	const service = new ReceiverService(d.receiverSettings, d.importer, d.spoolFolder, d.events);
	// A changed port, AE title or on/off takes effect at once, as a user expects from a settings screen.
	d.onSettingsUpdate(async (patch) => {
		if (patch.receiver && service.started) await service.restart();
	});
	return { service, handlers: {}, background: [service] } satisfies WorkstationModule;
}
