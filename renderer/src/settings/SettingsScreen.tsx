import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../src/common/api/appContract.js';
import type { SettingsFieldName } from './SettingsContext.js';
import { PacsSettingsSection } from './PacsSettingsSection.js';
import { pacsPatchOf, pacsSectionOf, type PacsErrors } from './pacsDraft.js';
import { readerFieldText } from './readerFieldText.js';
import { SettingsField } from './SettingsField.js';
import type { DraftField } from './settingsDraft.js';
import { useSettingsForm } from './useSettingsForm.js';

const allFields: readonly DraftField[] = [
	'readerName',
	'readerCredentials',
	'exportFolder',
	'receiverEnabled',
	'port',
	'aeTitle',
	'maxPduBytes',
	'idleTimeoutSeconds',
	'maxAssociations',
	'modelsDir',
	'llmThreads',
];

/**
 * The settings screen: a modal form, Enter saves, Escape cancels, every field labelled with its error
 * beside it. A changed receiver port or AE title is in effect when it says saved (the server restarts it).
 */
export function SettingsScreen({
	settings,
	focusField,
	onSaved,
	onCancel,
}: {
	settings: Settings;
	focusField: SettingsFieldName | null;
	onSaved: (s: Settings) => void;
	onCancel: () => void;
}) {
	const dialog = useRef<HTMLDivElement>(null);
	const [pacs, setPacs] = useState(() => pacsSectionOf(settings));
	const [pacsErrors, setPacsErrors] = useState<PacsErrors>({});
	const pacsPatch = () => {
		const r = pacsPatchOf(pacs, settings.hl7);
		if ('patch' in r) return r.patch;
		setPacsErrors(r.errors);
		requestAnimationFrame(() =>
			dialog.current
				?.querySelector<HTMLElement>('[data-testid="settings-pacs-section"] [aria-invalid="true"]')
				?.focus(),
		);
		return null;
	};
	const f = useSettingsForm(settings, {
		idPrefix: 'settings',
		fields: allFields,
		requireName: false,
		onSaved,
		extraPatch: pacsPatch,
	});
	useEffect(() => {
		document.getElementById(`settings-${focusField ?? 'readerName'}`)?.focus();
	}, [focusField]);
	// Tab stays inside the dialog, as it does in any modal window.
	const onKeyDown = (e: React.KeyboardEvent) => {
		if (e.key === 'Escape') {
			e.preventDefault();
			onCancel();
			return;
		}
		if (e.key !== 'Tab' || !dialog.current) return;
		const focusable = dialog.current.querySelectorAll<HTMLElement>(
			'input:not([disabled]), select, button:not([disabled])',
		);
		const first = focusable[0];
		const last = focusable[focusable.length - 1];
		if (e.shiftKey && document.activeElement === first) {
			e.preventDefault();
			last?.focus();
		} else if (!e.shiftKey && document.activeElement === last) {
			e.preventDefault();
			first?.focus();
		}
	};
	const receiverOff = !f.draft.receiverEnabled;
	return (
		<div className="settings-backdrop modal-backdrop" role="presentation">
			<div
				ref={dialog}
				className="settings-dialog modal-panel"
				role="dialog"
				aria-modal="true"
				aria-labelledby="settings-title"
				data-testid="settings-screen"
				onKeyDown={onKeyDown}
			>
				<form
					onSubmit={(e) => {
						e.preventDefault();
						void f.save();
					}}
					noValidate
				>
					<h2 id="settings-title">Settings</h2>
					<fieldset>
						<legend>Reader</legend>
						<SettingsField {...readerFieldText.readerName} {...f.field('readerName')} />
						<SettingsField {...readerFieldText.readerCredentials} {...f.field('readerCredentials')} />
					</fieldset>
					<fieldset>
						<legend>Export</legend>
						<SettingsField {...readerFieldText.exportFolder} {...f.field('exportFolder')} />
					</fieldset>
					<fieldset>
						<legend>DICOM receiver</legend>
						<div className="settings-field settings-check">
							<input
								id="settings-receiverEnabled"
								type="checkbox"
								data-testid="settings-receiverEnabled"
								checked={f.draft.receiverEnabled}
								onChange={(e) => f.set('receiverEnabled', e.target.checked)}
							/>
							<label htmlFor="settings-receiverEnabled">
								Receive images sent from the modality or PACS
							</label>
						</div>
						<div className="settings-row">
							<SettingsField
								label="Port"
								inputMode="numeric"
								disabled={receiverOff}
								{...f.field('port')}
							/>
							<SettingsField label="AE title" disabled={receiverOff} {...f.field('aeTitle')} />
						</div>
						<div className="settings-row">
							<SettingsField
								label="Largest PDU (bytes)"
								inputMode="numeric"
								disabled={receiverOff}
								{...f.field('maxPduBytes')}
							/>
							<SettingsField
								label="Idle timeout (seconds)"
								inputMode="numeric"
								disabled={receiverOff}
								{...f.field('idleTimeoutSeconds')}
							/>
							<SettingsField
								label="Senders at once"
								inputMode="numeric"
								disabled={receiverOff}
								{...f.field('maxAssociations')}
							/>
						</div>
					</fieldset>
					<fieldset>
						<legend>Assistant</legend>
						<SettingsField
							label="Model set folder"
							hint="Empty: the demo models that come with the workstation"
							{...f.field('modelsDir')}
						/>
						<SettingsField
							label="Language model threads"
							hint="0 lets the workstation choose"
							inputMode="numeric"
							{...f.field('llmThreads')}
						/>
					</fieldset>
					<div data-testid="settings-pacs-section">
						<PacsSettingsSection
							draft={pacs}
							errors={pacsErrors}
							onChange={(next, clear) => {
								setPacs(next);
								setPacsErrors((e) =>
									Object.fromEntries(Object.entries(e).filter(([k]) => !clear.includes(k))),
								);
							}}
						/>
					</div>
					{f.formError && (
						<div className="settings-form-error" role="alert" data-testid="settings-form-error">
							{f.formError}
						</div>
					)}
					<div className="settings-buttons">
						<span className="muted">Enter saves · Escape cancels</span>
						<button type="button" onClick={onCancel} data-testid="settings-cancel">
							Cancel
						</button>
						<button
							type="submit"
							className="settings-primary"
							disabled={f.saving}
							data-testid="settings-save"
						>
							{f.saving ? 'Saving…' : 'Save'}
						</button>
					</div>
				</form>
			</div>
		</div>
	);
}
