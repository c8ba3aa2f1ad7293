import { useState } from 'react';
import type { PacsTestResult } from '../../../src/common/api/pacsContract.js';
import { useClient } from '../api/ClientContext.js';
import { SettingsField } from './SettingsField.js';
import {
	connectionOf,
	newPacsDraft,
	type PacsDraft,
	type PacsDraftField,
	type PacsErrors,
	type PacsSectionDraft,
} from './pacsDraft.js';

type Section = PacsSectionDraft;

/** A labelled drop-down in the settings' style. */
function Choice<T extends string>({
	id,
	label,
	value,
	options,
	onChange,
}: {
	id: string;
	label: string;
	value: T;
	options: readonly (readonly [T, string])[];
	onChange: (v: T) => void;
}) {
	return (
		<div className="settings-field">
			<label htmlFor={id}>{label}</label>
			<select
				id={id}
				data-testid={`settings-${id}`}
				value={value}
				onChange={(e) => onChange(e.target.value as T)}
			>
				{options.map(([v, text]) => (
					<option key={v} value={v}>
						{text}
					</option>
				))}
			</select>
		</div>
	);
}

/**
 * Settings → PACS: each PACS with its address and credentials, one marked default, each testable before
 * saving; the auto-fetch rule; the HL7 MLLP destination of signed reports. Saved with the settings form.
 */
export function PacsSettingsSection({
	draft,
	errors,
	onChange,
}: {
	draft: Section;
	errors: PacsErrors;
	/** A change to the draft; the errors of the fields it names are cleared. */
	onChange: (next: Section, clear: readonly string[]) => void;
}) {
	const { api } = useClient();
	const [tests, setTests] = useState<Record<string, PacsTestResult | 'testing'>>({});
	const [testErrors, setTestErrors] = useState<PacsErrors>({});
	const shown = { ...testErrors, ...errors };

	const setPacs = (i: number, patch: Partial<PacsDraft>) => {
		const c = draft.connections[i]!;
		const next = draft.connections.map((x, j) => (j === i ? { ...x, ...patch } : x));
		const cleared = Object.keys(patch).map((f) => `${c.id}.${f}`);
		setTestErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !cleared.includes(k))));
		setTests((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== c.id)));
		onChange({ ...draft, connections: next }, cleared);
	};
	const add = () => {
		const c = newPacsDraft(draft.connections.map((x) => x.id));
		onChange({ ...draft, connections: [...draft.connections, c], defaultId: draft.defaultId ?? c.id }, []);
		requestAnimationFrame(() => document.getElementById(`pacs-${draft.connections.length}-name`)?.focus());
	};
	const remove = (i: number) => {
		const gone = draft.connections[i]!;
		const connections = draft.connections.filter((_, j) => j !== i);
		const defaultId = draft.defaultId === gone.id ? (connections[0]?.id ?? null) : draft.defaultId;
		onChange({ ...draft, connections, defaultId }, []);
	};
	const test = async (i: number) => {
		const c = draft.connections[i]!;
		const r = connectionOf(c);
		if ('errors' in r) {
			setTestErrors(r.errors);
			return;
		}
		setTests((t) => ({ ...t, [c.id]: 'testing' }));
		try {
			const result = await api['pacs.test']({ connection: r.connection });
			setTests((t) => ({ ...t, [c.id]: result }));
		} catch (e) {
			setTests((t) => ({ ...t, [c.id]: { ok: false, message: (e as Error).message } }));
		}
	};
	const field = (i: number, f: PacsDraftField) => {
		const c = draft.connections[i]!;
		return {
			id: `pacs-${i}-${f}`,
			value: c[f],
			error: shown[`${c.id}.${f}`],
			onChange: (e: { target: { value: string } }) => setPacs(i, { [f]: e.target.value }),
		};
	};
	const rule = draft.autoFetch;
	const setRule = (patch: Partial<Section['autoFetch']>) =>
		onChange(
			{ ...draft, autoFetch: { ...rule, ...patch } },
			Object.keys(patch).map((f) => `autoFetch.${f}`),
		);
	const ruleField = (f: 'modalities' | 'lastHours' | 'everyMinutes') => ({
		id: `pacs-autoFetch-${f}`,
		value: rule[f],
		error: errors[`autoFetch.${f}`],
		disabled: !rule.enabled,
		onChange: (e: { target: { value: string } }) => setRule({ [f]: e.target.value }),
	});
	const mllpField = (f: 'host' | 'port') => ({
		id: `mllp-${f}`,
		value: draft.mllp[f],
		error: errors[`mllp.${f}`],
		onChange: (e: { target: { value: string } }) =>
			onChange({ ...draft, mllp: { ...draft.mllp, [f]: e.target.value } }, [`mllp.${f}`]),
	});

	return (
		<>
			<fieldset data-testid="settings-pacs">
				<legend>PACS</legend>
				{draft.connections.length === 0 && (
					<p className="muted">No PACS yet: add the hospital's PACS to search and retrieve its studies.</p>
				)}
				{draft.connections.map((c, i) => {
					const result = tests[c.id];
					const failed = result !== undefined && result !== 'testing' && !result.ok;
					return (
						<div key={c.id} className="pacs-card" data-testid="settings-pacs-card" aria-label={c.name}>
							<div className="settings-row">
								<SettingsField label="Name" {...field(i, 'name')} />
								<Choice
									id={`pacs-${i}-kind`}
									label="Protocol"
									value={c.kind}
									options={[
										['dicomweb', 'DICOMweb (QIDO/WADO)'],
										['dimse', 'DIMSE (C-FIND/C-GET/C-MOVE)'],
									]}
									onChange={(kind) => setPacs(i, { kind })}
								/>
							</div>
							{c.kind === 'dicomweb' ? (
								<>
									<SettingsField
										label="Address"
										placeholder="https://pacs.example.org/dicom-web"
										{...field(i, 'baseUrl')}
									/>
									<div className="settings-row">
										<Choice
											id={`pacs-${i}-authKind`}
											label="Sign-in"
											value={c.authKind}
											options={[
												['none', 'None'],
												['basic', 'User and password'],
												['bearer', 'Token'],
											]}
											onChange={(authKind) => setPacs(i, { authKind })}
										/>
										{c.authKind === 'basic' && (
											<>
												<SettingsField label="User" autoComplete="off" {...field(i, 'user')} />
												<SettingsField
													label="Password"
													type="password"
													autoComplete="off"
													{...field(i, 'password')}
												/>
											</>
										)}
										{c.authKind === 'bearer' && (
											<SettingsField label="Token" type="password" {...field(i, 'token')} />
										)}
									</div>
									<SettingsField
										label="CA file"
										hint="A PEM file of the hospital's certificate authority; empty: the system's"
										{...field(i, 'caFile')}
									/>
								</>
							) : (
								<>
									<div className="settings-row">
										<SettingsField label="PACS AE title" {...field(i, 'aeTitle')} />
										<SettingsField label="Host" {...field(i, 'host')} />
										<SettingsField label="Port" inputMode="numeric" {...field(i, 'port')} />
									</div>
									<div className="settings-row">
										<SettingsField label="Our AE title" {...field(i, 'ourAeTitle')} />
										<Choice
											id={`pacs-${i}-retrieveWith`}
											label="Retrieve with"
											value={c.retrieveWith}
											options={[
												['c-get', 'C-GET'],
												['c-move', 'C-MOVE (to our receiver)'],
											]}
											onChange={(retrieveWith) => setPacs(i, { retrieveWith })}
										/>
									</div>
								</>
							)}
							<div className="pacs-card-buttons">
								<label className="settings-check">
									<input
										type="radio"
										name="pacs-default"
										checked={draft.defaultId === c.id}
										onChange={() => onChange({ ...draft, defaultId: c.id }, [])}
										data-testid={`settings-pacs-${i}-default`}
									/>
									Default PACS
								</label>
								<span className="spacer" />
								<span
									className={`pacs-test-result${failed ? ' settings-error' : ''}`}
									role="status"
									data-testid={`settings-pacs-${i}-test-result`}
								>
									{result === 'testing'
										? 'Testing…'
										: result
											? result.ok
												? 'Connected'
												: result.message
											: ''}
								</span>
								<button
									type="button"
									onClick={() => void test(i)}
									disabled={result === 'testing'}
									data-testid={`settings-pacs-${i}-test`}
								>
									Test connection
								</button>
								<button
									type="button"
									onClick={() => remove(i)}
									data-testid={`settings-pacs-${i}-remove`}
								>
									Remove
								</button>
							</div>
						</div>
					);
				})}
				<button type="button" onClick={add} data-testid="settings-pacs-add">
					Add PACS
				</button>
			</fieldset>
			<fieldset>
				<legend>Auto-fetch from PACS</legend>
				<div className="settings-field settings-check">
					<input
						id="pacs-autoFetch-enabled"
						type="checkbox"
						data-testid="settings-pacs-autoFetch-enabled"
						checked={rule.enabled}
						onChange={(e) => setRule({ enabled: e.target.checked })}
					/>
					<label htmlFor="pacs-autoFetch-enabled">
						Fetch new studies in the background and draft them before they are opened
					</label>
				</div>
				<div className="settings-row settings-wrap">
					<Choice
						id="pacs-autoFetch-pacsId"
						label="From"
						value={rule.pacsId}
						options={[['', 'The default PACS'], ...draft.connections.map((c) => [c.id, c.name] as const)]}
						onChange={(pacsId) => setRule({ pacsId })}
					/>
					<SettingsField label="Modalities" hint="e.g. CR, DX" {...ruleField('modalities')} />
					<SettingsField label="Of the last (hours)" inputMode="numeric" {...ruleField('lastHours')} />
					<SettingsField label="Every (minutes)" inputMode="numeric" {...ruleField('everyMinutes')} />
				</div>
			</fieldset>
			<fieldset>
				<legend>HL7 results to the RIS (MLLP)</legend>
				<div className="settings-row">
					<SettingsField label="Host" hint="Empty: signed reports are not sent" {...mllpField('host')} />
					<SettingsField label="Port" inputMode="numeric" {...mllpField('port')} />
				</div>
			</fieldset>
		</>
	);
}
