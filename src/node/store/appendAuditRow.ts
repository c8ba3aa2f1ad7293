import { auditChainFormat, auditRowHash, chainGenesis } from './auditChainFormat.js';
import type { SqliteDatabase } from './SqliteDatabase.js';

export interface NewAuditRow {
	readonly studyRef: number | null;
	readonly reportRef?: number | null;
	readonly actor: string;
	readonly action: string;
	/** JSON text. */
	readonly detail: string;
}

const statements = new WeakMap<SqliteDatabase, (row: NewAuditRow) => number>();

/**
 * The one way an audit row is written: it takes the next id and the hash of the row before it in
 * the same transaction as the insert (a savepoint inside an outer one), so two writers cannot both
 * chain onto the same row. A trigger refuses rows without a hash, so a forgotten path fails loudly.
 */
export function appendAuditRow(db: SqliteDatabase, row: NewAuditRow): number {
	let append = statements.get(db);
	if (!append) {
		append = prepare(db);
		statements.set(db, append);
	}
	return append(row);
}

function prepare(db: SqliteDatabase): (row: NewAuditRow) => number {
	const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
	const insert = db.prepare(
		`INSERT INTO audit_log (id, study_ref, report_ref, actor, action, detail, at, hash, hash_format)
			VALUES (@id, @study_ref, @report_ref, @actor, @action, @detail, @at, @hash, @hash_format)`,
	);
	const write = db.transaction((row: NewAuditRow) => {
		const prev = last.get() as { id: number; hash: string | null } | undefined;
		const stored = {
			id: (prev?.id ?? 0) + 1,
			// The same text SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') default gives.
			at: new Date().toISOString(),
			study_ref: row.studyRef,
			report_ref: row.reportRef ?? null,
			actor: row.actor || 'unknown',
			action: row.action,
			detail: row.detail,
		};
		const hash = auditRowHash(prev ? (prev.hash ?? '') : chainGenesis, stored);
		insert.run({ ...stored, hash, hash_format: auditChainFormat });
		return stored.id;
	});
	// IMMEDIATE takes the write lock before reading the chain's head; nested calls become savepoints.
	return (row) => (db.inTransaction ? write(row) : write.immediate(row));
}
