import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Settings } from '../../../src/common/api/appContract.js';
import { useClient } from '../api/ClientContext.js';
import { SettingsContext, type SettingsAccess, type SettingsFieldName } from './SettingsContext.js';
import { SettingsScreen } from './SettingsScreen.js';
import './settings.css';

/**
 * Holds the saved settings for the whole app, opens the settings screen (from a button or Ctrl+,) and
 * gives focus back to where the reader was when it closes.
 */
export function SettingsHost({ children }: { children: ReactNode }) {
	const { api } = useClient();
	const [settings, setSettings] = useState<Settings | null>(null);
	const [ready, setReady] = useState(false);
	const [open, setOpen] = useState<{ field: SettingsFieldName | null } | null>(null);
	const returnFocus = useRef<HTMLElement | null>(null);

	const refresh = useCallback(() => {
		api['settings.get']({})
			.then(setSettings, () => undefined)
			.finally(() => setReady(true));
	}, [api]);
	useEffect(refresh, [refresh]);

	const openSettings = useCallback((field?: SettingsFieldName) => {
		if (document.activeElement instanceof HTMLElement) returnFocus.current = document.activeElement;
		setOpen({ field: field ?? null });
	}, []);
	const close = useCallback(() => {
		setOpen(null);
		requestAnimationFrame(() => returnFocus.current?.focus());
	}, []);

	useEffect(() => {
		const onKey = (e: KeyboardEvent) => {
			if (e.key === ',' && (e.ctrlKey || e.metaKey) && !e.altKey) {
				e.preventDefault();
				openSettings();
			}
		};
		window.addEventListener('keydown', onKey);
		return () => window.removeEventListener('keydown', onKey);
	}, [openSettings]);

	const access = useMemo<SettingsAccess>(
		() => ({ settings, ready, openSettings, refresh, saved: setSettings }),
		[settings, ready, openSettings, refresh],
	);
	return (
		<SettingsContext.Provider value={access}>
			<div className="settings-host" data-testid="settings-host" data-loaded={ready ? 'true' : 'false'}>
				{children}
			</div>
			{open && settings && (
				<SettingsScreen
					settings={settings}
					focusField={open.field}
					onCancel={close}
					onSaved={(s) => {
						setSettings(s);
						close();
					}}
				/>
			)}
		</SettingsContext.Provider>
	);
}
