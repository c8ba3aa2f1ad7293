import { appendAuditRow } from '../appendAuditRow.js';
import { auditChainFormat, auditRowHash, chainGenesis, type ChainedAuditRow } from '../auditChainFormat.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

/**
 * Tamper evidence for the audit log: each row carries the hash of itself and the row before it
 * (see auditChainFormat), and the last row a check found intact is remembered so start-up only
 * checks what is new. Rows without a hash are refused, so every writer goes through appendAuditRow.
 */
export const auditChainSchema = `
ALTER TABLE audit_log ADD COLUMN hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash_format INTEGER;
CREATE TABLE audit_chain_checkpoint (
	one INTEGER PRIMARY KEY CHECK (one = 1),
	row_ref INTEGER NOT NULL,
	hash TEXT NOT NULL,
	verified_at TEXT NOT NULL
);
`;

const needsHash = `
CREATE TRIGGER audit_needs_hash BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL OR NEW.hash_format IS NULL
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only through RaDialog: a row needs its chain hash'); END;
`;

/**
 * Hashes the rows written before the chain existed, in id order, then appends the entry saying so
 * (only when there were such rows: a new log's chain starts at its first row). The update guard is
 * lifted for this one pass and put back in the same transaction.
 */
export function startAuditChain(db: SqliteDatabase): void {
	const rows = db
		.prepare('SELECT id, at, study_ref, report_ref, actor, action, detail FROM audit_log ORDER BY id')
		.all();
	db.exec('DROP TRIGGER audit_no_update');
	const setHash = db.prepare('UPDATE audit_log SET hash = ?, hash_format = ? WHERE id = ?');
	let prev = chainGenesis;
	for (const r of rows as ChainedAuditRow[]) {
		prev = auditRowHash(prev, r);
		setHash.run(prev, auditChainFormat, r.id);
	}
	db.exec(`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
		BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
	db.exec(needsHash);
	if (rows.length === 0) return;
	const ids = (rows as ChainedAuditRow[]).map((r) => r.id);
	const detail = {
		format: auditChainFormat,
		rowsCovered: rows.length,
		firstRowId: ids[0],
		lastRowId: ids.at(-1),
		note: 'rows up to lastRowId were written before the chain existed and were hashed when it started',
	};
	const id = appendAuditRow(db, {
		studyRef: null,
		actor: 'RaDialog',
		action: 'audit.chain_started',
		detail: JSON.stringify(detail),
	});
	const head = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string;
	db.prepare('INSERT INTO audit_chain_checkpoint (one, row_ref, hash, verified_at) VALUES (1, ?, ?, ?)').run(
		id,
		head,
		new Date().toISOString(),
	);
}
