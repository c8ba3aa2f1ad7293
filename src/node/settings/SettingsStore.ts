import path from 'node:path';
import { defaultHl7Settings, Settings, type SettingsPatch } from '../../common/api/appContract.js';
import { defaultPacsSettings } from '../../common/api/pacsSettings.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import { RelativeFolderError } from './SettingsErrors.js';

export const defaultSettings: Settings = {
	readerName: '',
	readerCredentials: '',
	exportFolder: null,
	// The limits are dcmtk storescp's defaults: 256 KiB PDUs, 30 s idle, a handful of peers at once.
	receiver: {
		enabled: true,
		port: 11112,
		aeTitle: 'RADIALOG',
		maxPduBytes: 262_144,
		idleTimeoutSeconds: 30,
		maxAssociations: 16,
	},
	modelsDir: null,
	llmThreads: 0,
	hl7: defaultHl7Settings,
	pacs: defaultPacsSettings,
};

/** An empty folder field means "none chosen"; anything else must be a full path. */
function folderSetting(field: 'exportFolder' | 'modelsDir', value: string | null | undefined): string | null {
	const folder = value?.trim() ?? '';
	if (!folder) return null;
	if (!path.isAbsolute(folder)) throw new RelativeFolderError(field, folder);
	return path.normalize(folder);
}

/**
 * Stored settings from an older version may lack newer fields, and one field may no longer pass a
 * tightened check: each field falls back to its default alone, so the reader's name is never lost.
 */
function withDefaults(stored: Record<string, unknown>): Settings {
	const receiver = { ...defaultSettings.receiver, ...(stored.receiver as object | undefined) };
	const merged: Record<string, unknown> = { ...defaultSettings, ...stored, receiver };
	const whole = Settings.safeParse(merged);
	if (whole.success) return whole.data;
	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(Settings.shape)) {
		const one = field.safeParse(merged[key]);
		out[key] = one.success ? one.data : structuredClone(defaultSettings[key as keyof Settings]);
	}
	return Settings.parse(out);
}

/** Settings live in the same database as the reports, so one data folder is the whole state. */
export class SettingsStore {
	constructor(private readonly db: SqliteDatabase) {}

	get(): Settings {
		const row = this.db.prepare(`SELECT value FROM settings WHERE key = 'workstation'`).get() as
			{ value: string } | undefined;
		if (!row) return structuredClone(defaultSettings);
		return withDefaults(JSON.parse(row.value) as Record<string, unknown>);
	}

	/** Applies a change; a receiver patch changes only the receiver fields it names. */
	update(patch: SettingsPatch): Settings {
		const current = this.get();
		const next = Settings.parse({
			...current,
			...patch,
			receiver: { ...current.receiver, ...patch.receiver },
			...('exportFolder' in patch ? { exportFolder: folderSetting('exportFolder', patch.exportFolder) } : {}),
			...('modelsDir' in patch ? { modelsDir: folderSetting('modelsDir', patch.modelsDir) } : {}),
		});
		this.db
			.prepare(
				`INSERT INTO settings (key, value) VALUES ('workstation', ?) ON CONFLICT(key) DO UPDATE
					SET value = excluded.value`,
			)
			.run(JSON.stringify(next));
		return next;
	}
}
