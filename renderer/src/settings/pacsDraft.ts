import { Hl7Settings, type Settings } from '../../../src/common/api/appContract.js';
import {
	AutoFetchRule,
	MllpDestination,
	PacsConnection,
	type PacsSettings,
} from '../../../src/common/api/pacsSettings.js';

/** One PACS as typed in the form: every field a string, checked against the schema on test and save. */
export interface PacsDraft {
	id: string;
	name: string;
	kind: 'dicomweb' | 'dimse';
	baseUrl: string;
	caFile: string;
	authKind: 'none' | 'basic' | 'bearer';
	user: string;
	password: string;
	token: string;
	aeTitle: string;
	host: string;
	port: string;
	ourAeTitle: string;
	retrieveWith: 'c-get' | 'c-move';
}
export type PacsDraftField = Exclude<keyof PacsDraft, 'id' | 'kind' | 'authKind' | 'retrieveWith'>;

export interface PacsSectionDraft {
	connections: PacsDraft[];
	defaultId: string | null;
	autoFetch: { enabled: boolean; pacsId: string; modalities: string; lastHours: string; everyMinutes: string };
	mllp: { host: string; port: string };
}
export type AutoFetchField = 'modalities' | 'lastHours' | 'everyMinutes';
/** Errors by "<pacs id>.<field>", "autoFetch.<field>" or "mllp.<field>". */
export type PacsErrors = Record<string, string>;

export function newPacsDraft(taken: readonly string[]): PacsDraft {
	let n = taken.length + 1;
	while (taken.includes(`pacs${n}`)) n++;
	return {
		id: `pacs${n}`,
		name: taken.length ? `PACS ${n}` : 'Main PACS',
		kind: 'dicomweb',
		baseUrl: '',
		caFile: '',
		authKind: 'none',
		user: '',
		password: '',
		token: '',
		aeTitle: '',
		host: '',
		port: '104',
		ourAeTitle: 'RADIALOG',
		retrieveWith: 'c-get',
	};
}

function pacsDraftOf(c: PacsConnection): PacsDraft {
	const d = { ...newPacsDraft([]), id: c.id, name: c.name, kind: c.kind };
	if (c.kind === 'dimse') {
		const { aeTitle, host, port, ourAeTitle, retrieveWith } = c;
		return { ...d, aeTitle, host, port: String(port), ourAeTitle, retrieveWith };
	}
	const a = c.auth;
	return {
		...d,
		baseUrl: c.baseUrl,
		caFile: c.caFile ?? '',
		authKind: a.kind,
		user: a.kind === 'basic' ? a.user : '',
		password: a.kind === 'basic' ? a.password : '',
		token: a.kind === 'bearer' ? a.token : '',
	};
}

export function pacsSectionOf(s: Settings): PacsSectionDraft {
	const r = s.pacs.autoFetch;
	return {
		connections: s.pacs.connections.map(pacsDraftOf),
		defaultId: s.pacs.defaultId,
		autoFetch: {
			enabled: r.enabled,
			pacsId: r.pacsId ?? '',
			modalities: r.modalities.join(', '),
			lastHours: String(r.lastHours),
			everyMinutes: String(r.everyMinutes),
		},
		mllp: { host: s.hl7.mllp?.host ?? '', port: s.hl7.mllp ? String(s.hl7.mllp.port) : '' },
	};
}

const number = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The connection the draft describes, or its errors by field (the schema's own messages). */
export function connectionOf(d: PacsDraft): { connection: PacsConnection } | { errors: PacsErrors } {
	const input =
		d.kind === 'dicomweb'
			? {
					id: d.id,
					name: d.name,
					kind: d.kind,
					baseUrl: d.baseUrl,
					caFile: d.caFile.trim() || null,
					auth:
						d.authKind === 'basic'
							? { kind: 'basic', user: d.user, password: d.password }
							: d.authKind === 'bearer'
								? { kind: 'bearer', token: d.token.trim() }
								: { kind: 'none' },
				}
			: {
					id: d.id,
					name: d.name,
					kind: d.kind,
					aeTitle: d.aeTitle,
					host: d.host,
					port: number(d.port),
					ourAeTitle: d.ourAeTitle,
					retrieveWith: d.retrieveWith,
				};
	const parsed = PacsConnection.safeParse(input);
	if (parsed.success) return { connection: parsed.data };
	const errors: PacsErrors = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path.at(-1) ?? 'name');
		const message = field === 'port' && Number.isNaN(number(d.port)) ? 'Enter a whole number.' : issue.message;
		errors[`${d.id}.${field}`] ??= message;
	}
	return { errors };
}

/** The settings change the section saves, or its errors when any field is wrong (nothing is saved then). */
export function pacsPatchOf(
	d: PacsSectionDraft,
	hl7: Hl7Settings,
): { patch: { pacs: PacsSettings; hl7: Hl7Settings } } | { errors: PacsErrors } {
	const errors: PacsErrors = {};
	const connections: PacsConnection[] = [];
	for (const c of d.connections) {
		const r = connectionOf(c);
		if ('errors' in r) Object.assign(errors, r.errors);
		else connections.push(r.connection);
	}
	const ids = connections.map((c) => c.id);
	const rule = AutoFetchRule.safeParse({
		enabled: d.autoFetch.enabled,
		pacsId: ids.includes(d.autoFetch.pacsId) ? d.autoFetch.pacsId : null,
		modalities: d.autoFetch.modalities
			.toUpperCase()
			.split(/[\s,]+/)
			.filter(Boolean),
		lastHours: number(d.autoFetch.lastHours),
		everyMinutes: number(d.autoFetch.everyMinutes),
	});
	if (!rule.success) {
		for (const issue of rule.error.issues) {
			const field = String(issue.path[0]);
			const message =
				field === 'modalities'
					? 'Modality codes of 2 to 4 capitals, separated by commas (e.g. CR, DX)'
					: issue.code === 'invalid_type'
						? 'Enter a whole number.'
						: issue.message;
			errors[`autoFetch.${field}`] ??= message;
		}
	}
	let mllp: MllpDestination | null = null;
	if (d.mllp.host.trim() || d.mllp.port.trim()) {
		const m = MllpDestination.safeParse({ host: d.mllp.host, port: number(d.mllp.port) });
		if (m.success) mllp = m.data;
		else
			for (const issue of m.error.issues) {
				const field = String(issue.path[0]);
				errors[`mllp.${field}`] ??= issue.code === 'invalid_type' ? 'Enter a whole number.' : issue.message;
			}
	}
	if (Object.keys(errors).length || !rule.success) return { errors };
	const defaultId = ids.includes(d.defaultId ?? '') ? d.defaultId : (ids[0] ?? null);
	return { patch: { pacs: { connections, defaultId, autoFetch: rule.data }, hl7: { ...hl7, mllp } } };
}
