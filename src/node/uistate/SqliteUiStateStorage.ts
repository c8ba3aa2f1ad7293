import type { SqliteDatabase } from '../store/openDatabase.js';
import type { UiStateStorage } from './UiStateStorage.js';

/** One row of the settings table, so the data folder stays the whole state of the workstation. */
export class SqliteUiStateStorage implements UiStateStorage {
	constructor(private readonly db: SqliteDatabase) {}

	read(): string | null {
		const row = this.db.prepare(`SELECT value FROM settings WHERE key = 'uistate'`).get() as
			{ value: string } | undefined;
		return row?.value ?? null;
	}

	write(json: string): void {
		this.db
			.prepare(
				`INSERT INTO settings (key, value) VALUES ('uistate', ?)
				ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
			)
			.run(json);
	}
}
