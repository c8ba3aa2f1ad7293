import { useSettings } from './SettingsContext.js';

/** The header's way into the settings, on the worklist and the reading screen alike. */
export function SettingsButton() {
	const { openSettings } = useSettings();
	return (
		<button
			type="button"
			className="settings-button"
			onClick={() => openSettings()}
			title="Settings (Ctrl+,)"
			aria-keyshortcuts="Control+Comma"
			data-testid="open-settings"
		>
			Settings
		</button>
	);
}
