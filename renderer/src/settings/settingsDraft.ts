import { ReceiverSettings, Settings, type SettingsPatch } from '../../../src/common/api/appContract.js';

/** The settings form as typed: every field a string (or the receiver switch), checked on save. */
export interface SettingsDraft {
	readerName: string;
	readerCredentials: string;
	exportFolder: string;
	receiverEnabled: boolean;
	port: string;
	aeTitle: string;
	maxPduBytes: string;
	idleTimeoutSeconds: string;
	maxAssociations: string;
	modelsDir: string;
	llmThreads: string;
}
export type DraftField = keyof SettingsDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export function draftOf(s: Settings): SettingsDraft {
	const r = s.receiver;
	return {
		readerName: s.readerName,
		readerCredentials: s.readerCredentials,
		exportFolder: s.exportFolder ?? '',
		receiverEnabled: r.enabled,
		port: String(r.port),
		aeTitle: r.aeTitle,
		maxPduBytes: String(r.maxPduBytes),
		idleTimeoutSeconds: String(r.idleTimeoutSeconds),
		maxAssociations: String(r.maxAssociations),
		modelsDir: s.modelsDir ?? '',
		llmThreads: String(s.llmThreads),
	};
}

type NumberField = 'port' | 'maxPduBytes' | 'idleTimeoutSeconds' | 'maxAssociations' | 'llmThreads';
const numberSchemas = {
	port: ReceiverSettings.shape.port,
	maxPduBytes: ReceiverSettings.shape.maxPduBytes,
	idleTimeoutSeconds: ReceiverSettings.shape.idleTimeoutSeconds,
	maxAssociations: ReceiverSettings.shape.maxAssociations,
	llmThreads: Settings.shape.llmThreads,
} as const;

function wholeNumber(text: string): number | null {
	return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** The checks the form can make itself, from the same schema the server applies; folders go to the server. */
export function localErrors(d: SettingsDraft, fields: readonly DraftField[], requireName: boolean): DraftErrors {
	const errors: DraftErrors = {};
	const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
		r.success ? null : (r.error?.issues[0]?.message ?? 'Not allowed');
	for (const f of fields) {
		let problem: string | null = null;
		if (f === 'readerName') {
			problem = issue(Settings.shape.readerName.safeParse(d.readerName));
			if (!problem && requireName && !d.readerName.trim())
				problem = 'Enter your name as it should appear on signed reports.';
		} else if (f === 'readerCredentials') problem = issue(Settings.shape.readerCredentials.safeParse(d[f]));
		else if (f === 'aeTitle') problem = issue(ReceiverSettings.shape.aeTitle.safeParse(d.aeTitle));
		else if (f in numberSchemas) {
			const n = wholeNumber(d[f as NumberField]);
			problem = n === null ? 'Enter a whole number.' : issue(numberSchemas[f as NumberField].safeParse(n));
		}
		if (problem) errors[f] = problem;
	}
	return errors;
}

/** The change the form saves: only the fields it shows. */
export function patchOf(d: SettingsDraft, fields: readonly DraftField[]): SettingsPatch {
	const has = (f: DraftField) => fields.includes(f);
	const patch: SettingsPatch = {};
	if (has('readerName')) patch.readerName = d.readerName.trim();
	if (has('readerCredentials')) patch.readerCredentials = d.readerCredentials.trim();
	if (has('exportFolder')) patch.exportFolder = d.exportFolder.trim() || null;
	if (has('modelsDir')) patch.modelsDir = d.modelsDir.trim() || null;
	if (has('llmThreads')) patch.llmThreads = Number(d.llmThreads);
	if (has('port')) {
		patch.receiver = {
			enabled: d.receiverEnabled,
			port: Number(d.port),
			aeTitle: d.aeTitle.trim(),
			maxPduBytes: Number(d.maxPduBytes),
			idleTimeoutSeconds: Number(d.idleTimeoutSeconds),
			maxAssociations: Number(d.maxAssociations),
		};
	}
	return patch;
}
