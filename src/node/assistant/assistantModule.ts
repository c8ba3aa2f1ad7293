import type { EventSink } from '../events/EventSink.js';
import type { SettingsStore } from '../settings/index.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { AssistantProvider, type AssistantFactory } from './AssistantProvider.js';

/** The model provider: one loaded model set for the folder in the settings, closed with the workstation. */
export function assistantModule(d: {
	settings: Pick<SettingsStore, 'get'>;
	events: EventSink;
	factory: AssistantFactory | null;
	/** The bundled demo models' folder, used while the settings name none. */
	defaultModelsDir: string | null;
}) {
	const provider = new AssistantProvider(d.settings, d.events, d.factory, d.defaultModelsDir);
	return { provider, handlers: {}, background: [provider] } satisfies WorkstationModule;
}
