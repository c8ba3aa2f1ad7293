import type { SqliteDatabase } from '../store/openDatabase.js';

/** Remembers which PACS each retrieved study came from (SQLite, migration 013). */
export class PacsOrigins {
	constructor(private readonly db: SqliteDatabase) {}

	remember(studyId: number, pacsId: string): void {
		this.db
			.prepare(
				`INSERT INTO pacs_origins (study_id, pacs_id, retrieved_at) VALUES (?, ?, ?)
				ON CONFLICT(study_id) DO UPDATE SET pacs_id = excluded.pacs_id, retrieved_at = excluded.retrieved_at`,
			)
			.run(studyId, pacsId, new Date().toISOString());
	}

	/** The PACS a study came from; null for studies imported or received. */
	of(studyId: number): string | null {
		const row = this.db.prepare(`SELECT pacs_id FROM pacs_origins WHERE study_id = ?`).get(studyId) as
			{ pacs_id: string } | undefined;
		return row?.pacs_id ?? null;
	}
}
