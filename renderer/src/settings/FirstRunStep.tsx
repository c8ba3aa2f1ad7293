import { useEffect } from 'react';
import type { Settings } from '../../../src/common/api/appContract.js';
import { readerFieldText } from './readerFieldText.js';
import { SettingsField } from './SettingsField.js';
import type { DraftField } from './settingsDraft.js';
import { useSettingsForm } from './useSettingsForm.js';

const firstRunFields: readonly DraftField[] = ['readerName', 'readerCredentials', 'exportFolder'];

/**
 * Before the first worklist: who signs, with which credentials, and where exports go. Skippable; signing
 * and export then offer the settings screen instead.
 */
export function FirstRunStep({
	settings,
	onSaved,
	onSkip,
}: {
	settings: Settings;
	onSaved: (s: Settings) => void;
	onSkip: () => void;
}) {
	const f = useSettingsForm(settings, { idPrefix: 'firstrun', fields: firstRunFields, requireName: true, onSaved });
	useEffect(() => document.getElementById('firstrun-readerName')?.focus(), []);
	return (
		<section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
			<form
				onSubmit={(e) => {
					e.preventDefault();
					void f.save();
				}}
				onKeyDown={(e) => {
					if (e.key === 'Escape') onSkip();
				}}
				noValidate
			>
				<h2 id="first-run-title">Welcome to the RaDialog Workstation</h2>
				<p className="muted">
					Before the worklist: your name signs the reports, your credentials are printed beside it, and
					exports go to the folder below. You can change all of it later in Settings (Ctrl+,).
				</p>
				<SettingsField {...readerFieldText.readerName} {...f.field('readerName')} />
				<SettingsField {...readerFieldText.readerCredentials} {...f.field('readerCredentials')} />
				<SettingsField {...readerFieldText.exportFolder} {...f.field('exportFolder')} />
				{f.formError && (
					<div className="settings-form-error" role="alert" data-testid="settings-form-error">
						{f.formError}
					</div>
				)}
				<div className="settings-buttons">
					<button type="button" onClick={onSkip} data-testid="first-run-skip">
						Skip for now
					</button>
					<button type="submit" className="settings-primary" disabled={f.saving} data-testid="first-run-save">
						{f.saving ? 'Saving…' : 'Save and open the worklist'}
					</button>
				</div>
			</form>
		</section>
	);
}
