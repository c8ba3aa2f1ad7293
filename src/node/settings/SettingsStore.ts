import { defaultHl7Settings, Settings } from '../../common/api/appContract.js';
import type { SqliteDatabase } from '../store/openDatabase.js';

export const defaultSettings: Settings = {
	readerName: '',
	exportFolder: null,
	receiver: { enabled: true, port: 11112, aeTitle: 'RADIALOG' },
	modelsDir: null,
	llmThreads: 0,
	hl7: defaultHl7Settings,
};

/** Settings live in the same database as the reports, so one data folder is the whole state. */
export class SettingsStore {
	constructor(private readonly db: SqliteDatabase) {}

	get(): Settings {
		const row = this.db.prepare(`SELECT value FROM settings WHERE key = 'workstation'`).get() as
			{ value: string } | undefined;
		if (!row) return structuredClone(defaultSettings);
		// Stored settings from an older version may lack newer fields: fill them from the defaults.
		const parsed = Settings.safeParse({ ...defaultSettings, ...JSON.parse(row.value) });
		return parsed.success ? parsed.data : structuredClone(defaultSettings);
	}

	update(patch: Partial<Settings>): Settings {
		const next = Settings.parse({ ...this.get(), ...patch });
		this.db
			.prepare(
				`INSERT INTO settings (key, value) VALUES ('workstation', ?) ON CONFLICT(key) DO UPDATE
					SET value = excluded.value`,
			)
			.run(JSON.stringify(next));
		return next;
	}
}
