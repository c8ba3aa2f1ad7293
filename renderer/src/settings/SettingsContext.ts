import { createContext, useContext, useEffect } from 'react';
import type { Settings } from '../../../src/common/api/appContract.js';

export interface SettingsAccess {
	/** The saved settings; null until the backend answered. */
	readonly settings: Settings | null;
	/** Whether the backend answered (settings, or an error: then the app runs on without them). */
	readonly ready: boolean;
	/** Reads the settings again: another window or a script may have changed them. */
	readonly refresh: () => void;
	/** Puts newly saved settings in place for every screen. */
	readonly saved: (s: Settings) => void;
	/** Opens the settings screen (Ctrl+, does the same), focusing the named field when given. */
	readonly openSettings: (field?: SettingsFieldName) => void;
}

export type SettingsFieldName = 'readerName' | 'exportFolder';

export const SettingsContext = createContext<SettingsAccess>({
	settings: null,
	ready: false,
	saved: () => undefined,
	refresh: () => undefined,
	openSettings: () => undefined,
});

export function useSettings(): SettingsAccess {
	return useContext(SettingsContext);
}

/** The settings, read again when the calling panel appears, so it never acts on an old copy. */
export function useFreshSettings(): SettingsAccess {
	const access = useContext(SettingsContext);
	const { refresh } = access;
	useEffect(() => refresh(), [refresh]);
	return access;
}
