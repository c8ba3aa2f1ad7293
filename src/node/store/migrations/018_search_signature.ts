import { unknownSearchSignature } from '../../../common/domain/searchSignature.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

/**
 * Each worklist row gets its study's search signature (searchSignature: bits picked by the first three
 * letters of each word of its search text), and every sort's index holds it after the key and the study id.
 * A search walking a sort's index then skips the studies whose signature lacks the typed words' bits
 * without reading their text: a walk past 10,000 studies reads about a thousand texts instead of all of
 * them. A row the signature was not written for keeps every bit (unknownSearchSignature): slower, never
 * wrong. The triggers that write the search text write the signature after it.
 */
export const searchSignatureSchema = `
ALTER TABLE worklist_rows ADD COLUMN search_sig INTEGER NOT NULL DEFAULT ${unknownSearchSignature};
`;

/** Migration 12's statement that writes a study's search text, up to its condition on the studies (alias s). */
const searchText =
	/INSERT OR REPLACE INTO worklist_search \(rowid, text\)[^;]*?FROM studies s JOIN patients p ON p\.id = s\.patient_ref WHERE ([^;]*);/g;

/** The signature of the studies `where` selects (alias s), from their search text as just written. */
export function signatureOf(where: string): string {
	return `
UPDATE worklist_rows SET search_sig = worklist_search_signature((SELECT c0 FROM worklist_search_content
	WHERE id = worklist_rows.study_id)) WHERE study_id IN (SELECT s.id FROM studies s WHERE ${where});`;
}

/** Signs every row, rebuilds the sort indexes with the signature, and has the triggers keep it. */
export function signWorklistRows(db: SqliteDatabase): void {
	const indexes = db
		.prepare(
			"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'worklist_rows' AND sql LIKE ?",
		)
		.all('%study_id)') as { name: string; sql: string }[];
	if (indexes.length < 11) throw new Error('Migration 18: the sort indexes are missing; the schema is not 17.');
	for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
	db.exec(signatureOf('true'));
	for (const i of indexes) db.exec(i.sql.replace(/study_id\)$/, 'study_id, search_sig)'));
	const triggers = db
		.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE ?")
		.all('%INSERT OR REPLACE INTO worklist_search (rowid, text)%') as { name: string; sql: string }[];
	if (triggers.length < 3) throw new Error('Migration 18: the search text triggers are missing.');
	for (const t of triggers) {
		db.exec(`DROP TRIGGER ${t.name}`);
		db.exec(t.sql.replace(searchText, (statement, where: string) => statement + signatureOf(where)));
	}
}
