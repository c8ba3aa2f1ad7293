import { createHash } from 'node:crypto';

/** An audit row as the chain sees it: the stored columns, exactly as SQLite returns them. */
export interface ChainedAuditRow {
	readonly id: number;
	readonly at: string;
	readonly study_ref: number | null;
	readonly report_ref: number | null;
	readonly actor: string;
	readonly action: string;
	/** The stored JSON text, hashed as stored (never re-serialized, so key order cannot matter). */
	readonly detail: string;
}

/** The serialization in use; stored per row in `hash_format`, so a later format can join the same chain. */
export const auditChainFormat = 1;

/** What the first row of the chain follows. */
export const chainGenesis = '0'.repeat(64);

/**
 * Format 1: `hash = SHA-256(prev_hash + "\n" + JSON.stringify(["radialog-audit", 1, id, at,
 * study_ref, report_ref, actor, action, detail]))` as lowercase hex, UTF-8. The row id is inside, so
 * a deleted or reordered row changes every hash after it; JSON of strings, integers and null is
 * the same on every platform.
 */
export function auditRowHash(prevHash: string, r: ChainedAuditRow): string {
	const fields = ['radialog-audit', 1, r.id, r.at, r.study_ref, r.report_ref, r.actor, r.action, r.detail];
	return createHash('sha256')
		.update(`${prevHash}\n${JSON.stringify(fields)}`, 'utf8')
		.digest('hex');
}
