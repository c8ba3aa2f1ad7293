import type { SqliteDatabase } from '../store/openDatabase.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { SettingsStore } from './SettingsStore.js';
import { settingsHandlers, type SettingsListener } from './settingsHandlers.js';

/** The reader's settings in the database; `onUpdate` lets later modules apply a change at once. */
export function settingsModule(d: { db: SqliteDatabase }) {
	const store = new SettingsStore(d.db);
	const listeners: SettingsListener[] = [];
	return {
		store,
		onUpdate: (l: SettingsListener) => void listeners.push(l),
		handlers: settingsHandlers(store, listeners),
		background: [],
	} satisfies WorkstationModule;
}
