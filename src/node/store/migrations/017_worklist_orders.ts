import type { SqliteDatabase } from '../SqliteDatabase.js';

/**
 * Three worklist orders change so that a search reads only the studies it shows:
 * - "imported" becomes arrival order, the study id: the order of import times unless the clock was set
 *   back between two imports. Keyed by the id alone, a search in that order reads the search index in its
 *   own order (its rowid is the study id) and stops after one page; walking the index of import times read
 *   every later study before the first match of a search whose studies arrived long ago (40 ms at a million
 *   studies). The import-time indexes go; the status filter gets (status, id).
 * - the patient name and the patient ID sort by their folded form from the first letter or digit
 *   (worklist_text_key, registered by openDatabase): case and accents no longer split the list, and the
 *   studies whose name or ID starts with a typed word are one range of the sort's index, found by a seek
 *   instead of a walk from "A".
 */
export const worklistOrdersSchema = `
DROP INDEX worklist_by_imported;
DROP INDEX worklist_by_status_imported;
CREATE INDEX worklist_by_status_study_id ON worklist_rows(status, study_id);
`;

/** Where migration 12's row statement reads the patient's name and ID for the sorts. */
export const keyColumns = 's.imported_at, p.name, p.patient_id';
export const foldedKeyColumns = 's.imported_at, worklist_text_key(p.name), worklist_text_key(p.patient_id)';

/** Re-creates the triggers that write worklist rows with the folded keys, and rewrites every row's keys. */
export function foldTextSortKeys(db: SqliteDatabase): void {
	const triggers = db
		.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE ?")
		.all(`%${keyColumns}%`) as { name: string; sql: string }[];
	if (!triggers.length) throw new Error('Migration 17: no trigger writes the worklist keys; the schema is not 16.');
	for (const t of triggers) {
		db.exec(`DROP TRIGGER ${t.name}`);
		db.exec(t.sql.replaceAll(keyColumns, foldedKeyColumns));
	}
	db.exec(`UPDATE worklist_rows SET patient_name = worklist_text_key(patient_name),
		patient_id = worklist_text_key(patient_id)`);
}
