import { auditChainFormat, auditRowHash, chainGenesis, type ChainedAuditRow } from './auditChainFormat.js';
import type { SqliteDatabase } from './SqliteDatabase.js';

/** What a check of the audit chain found; `problem` is written for hospital IT. */
export type AuditChainCheck =
	| { readonly intact: true; readonly checked: number; readonly total: number; readonly headHash: string | null }
	| {
			readonly intact: false;
			readonly checked: number;
			readonly total: number;
			readonly brokenRowId: number;
			readonly problem: string;
	  };

type StoredRow = ChainedAuditRow & { readonly hash: string | null; readonly hash_format: number | null };
interface Checkpoint {
	readonly row_ref: number;
	readonly hash: string;
	readonly verified_at: string;
}

const columns = 'id, at, study_ref, report_ref, actor, action, detail, hash, hash_format';

/**
 * Walks the chain in id order, recomputing each row's hash from the stored hash before it.
 * `incremental` starts at the last row a check found intact (remembered in audit_chain_checkpoint),
 * so start-up reads only what was written since; `full` reads every row. Either way the remembered
 * row must still be there, unchanged: that catches a log cut short at its end, which a chain alone
 * cannot. An intact result moves the checkpoint to the newest row.
 */
export function verifyAuditChain(db: SqliteDatabase, scope: 'full' | 'incremental'): AuditChainCheck {
	return db.transaction(() => check(db, scope)).immediate();
}

function check(db: SqliteDatabase, scope: 'full' | 'incremental'): AuditChainCheck {
	const total = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
	const mark = db.prepare('SELECT row_ref, hash, verified_at FROM audit_chain_checkpoint').get() as
		Checkpoint | undefined;
	const broken = (brokenRowId: number, problem: string, checked = 0) =>
		({ intact: false, checked, total, brokenRowId, problem }) as const;
	const byId = db.prepare(`SELECT ${columns} FROM audit_log WHERE id = ?`);
	if (mark) {
		const kept = byId.get(mark.row_ref) as StoredRow | undefined;
		const since = `found intact on ${mark.verified_at}`;
		if (!kept) return broken(mark.row_ref, `row ${mark.row_ref}, ${since}, is missing: rows were deleted`);
		if (kept.hash !== mark.hash) return broken(kept.id, `row ${kept.id} changed after it was ${since}`);
	}
	let from = 0;
	let prevHash = chainGenesis;
	if (scope === 'incremental' && mark) {
		// The remembered row itself is recomputed too, from the stored hash before it.
		const before = db
			.prepare('SELECT id, hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1')
			.get(mark.row_ref) as { id: number; hash: string | null } | undefined;
		from = before?.id ?? 0;
		prevHash = before ? (before.hash ?? '') : chainGenesis;
	}
	let prevId = from;
	let checked = 0;
	for (const row of db.prepare(`SELECT ${columns} FROM audit_log WHERE id > ? ORDER BY id`).iterate(from)) {
		const r = row as StoredRow;
		const problem = rowProblem(r, prevHash, prevId);
		if (problem) return broken(r.id, problem, checked);
		checked += 1;
		prevHash = r.hash!;
		prevId = r.id;
	}
	if (prevId > 0) {
		db.prepare(
			`INSERT INTO audit_chain_checkpoint (one, row_ref, hash, verified_at) VALUES (1, ?, ?, ?)
				ON CONFLICT (one) DO UPDATE SET row_ref = excluded.row_ref, hash = excluded.hash,
					verified_at = excluded.verified_at`,
		).run(prevId, prevHash, new Date().toISOString());
	}
	return { intact: true, checked, total, headHash: prevId > 0 ? prevHash : null };
}

function rowProblem(r: StoredRow, prevHash: string, prevId: number): string | null {
	if (r.hash === null) return `row ${r.id} has no chain hash: it was written outside RaDialog`;
	if (r.hash_format !== auditChainFormat) return `row ${r.id} has an unknown hash format (${String(r.hash_format)})`;
	if (auditRowHash(prevHash, r) === r.hash) return null;
	if (r.id !== prevId + 1) {
		const gap = r.id - 1 === prevId + 1 ? `row ${prevId + 1} is` : `rows ${prevId + 1}–${r.id - 1} are`;
		return `${gap} missing before row ${r.id}: deleted`;
	}
	return `row ${r.id} does not match its hash: its fields were changed, or rows were moved or removed before it`;
}
