import type { ApiHandlers } from '../../common/api/contract.js';
import type { Settings } from '../../common/api/appContract.js';
import type { SettingsStore } from './SettingsStore.js';

/** Hears a settings change before the call returns, so a changed port is in effect when the screen says saved. */
export type SettingsListener = (patch: Partial<Settings>) => Promise<void>;

/** The settings calls; listeners registered by other modules apply what changed. */
export function settingsHandlers(
	store: SettingsStore,
	listeners: readonly SettingsListener[],
): Pick<ApiHandlers, 'settings.get' | 'settings.update'> {
	return {
		'settings.get': () => Promise.resolve(store.get()),
		'settings.update': async (patch) => {
			const next = store.update(patch);
			for (const l of listeners) await l(patch);
			return next;
		},
	};
}
