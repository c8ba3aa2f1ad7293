import path from 'node:path';
import type { ApiHandlers } from '../../common/api/contract.js';
import type { Settings } from '../../common/api/appContract.js';
import { folderProblem } from './folderProblem.js';
import type { SettingsStore } from './SettingsStore.js';

/**
 * Hears what a settings change really changed (whole fields) before the call returns, so a changed port
 * is in effect when the screen says saved, and saving the reader's name alone never restarts the receiver.
 */
export type SettingsListener = (changed: Partial<Settings>) => Promise<void>;

function changedFields(before: Settings, after: Settings): Partial<Settings> {
	const changed = Object.entries(after).filter(
		([key, value]) => JSON.stringify(before[key as keyof Settings]) !== JSON.stringify(value),
	);
	return Object.fromEntries(changed);
}

/** The settings calls; listeners registered by other modules apply what changed. */
export function settingsHandlers(
	store: SettingsStore,
	listeners: readonly SettingsListener[],
): Pick<ApiHandlers, 'settings.get' | 'settings.update' | 'settings.checkFolder'> {
	return {
		'settings.get': () => Promise.resolve(store.get()),
		'settings.update': async (patch) => {
			const before = store.get();
			const next = store.update(patch);
			const changed = changedFields(before, next);
			for (const l of listeners) await l(changed);
			return next;
		},
		'settings.checkFolder': ({ folder, access }) => {
			const trimmed = folder.trim();
			const resolved = trimmed && path.isAbsolute(trimmed) ? path.normalize(trimmed) : trimmed;
			return Promise.resolve({ folder: resolved, problem: folderProblem(resolved, access) });
		},
	};
}
