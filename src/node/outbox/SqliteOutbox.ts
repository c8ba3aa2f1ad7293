import type { OutboxSummary } from '../../common/api/outboxContract.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import type { NewOutboxRecord, OutboxRecord, OutboxStore } from './OutboxStore.js';

interface Row {
	id: number;
	study_id: number;
	report_id: number;
	revision: number;
	destination_kind: 'pacs' | 'ris';
	destination_id: string;
	series_uid: string | null;
	instance_uid: string | null;
	control_id: string | null;
	predecessor_series_uid: string | null;
	predecessor_instance_uid: string | null;
	state: OutboxRecord['state'];
	attempts: number;
	last_error: string | null;
	next_try_at: string;
	queued_at: string;
	delivered_at: string | null;
}

const record = (r: Row): OutboxRecord => ({
	id: r.id,
	studyId: r.study_id,
	reportId: r.report_id,
	revision: r.revision,
	kind: r.destination_kind,
	destinationId: r.destination_id,
	seriesUid: r.series_uid,
	instanceUid: r.instance_uid,
	controlId: r.control_id,
	predecessor:
		r.predecessor_series_uid && r.predecessor_instance_uid
			? { series: r.predecessor_series_uid, instance: r.predecessor_instance_uid }
			: null,
	state: r.state,
	attempts: r.attempts,
	lastError: r.last_error,
	nextTryAt: r.next_try_at,
	queuedAt: r.queued_at,
	deliveredAt: r.delivered_at,
});

/**
 * Waiting and not behind an undelivered earlier revision of the same report to the same destination: an
 * addendum behind a refused report waits for it without being counted as due (no busy timer).
 */
const ready = `o.state = 'waiting' AND NOT EXISTS (SELECT 1 FROM outbox_items e WHERE e.report_id = o.report_id
	AND e.destination_kind = o.destination_kind AND e.destination_id = o.destination_id
	AND e.revision < o.revision AND e.state != 'delivered')`;

/** The outbox table (migration 014). */
export class SqliteOutbox implements OutboxStore {
	constructor(private readonly db: SqliteDatabase) {}

	add(i: NewOutboxRecord): void {
		this.db
			.prepare(
				`INSERT OR IGNORE INTO outbox_items (study_id, report_id, revision, destination_kind, destination_id,
					series_uid, instance_uid, control_id, predecessor_series_uid, predecessor_instance_uid,
					next_try_at, queued_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			)
			.run(
				i.studyId,
				i.reportId,
				i.revision,
				i.kind,
				i.destinationId,
				i.seriesUid,
				i.instanceUid,
				i.controlId,
				i.predecessor?.series ?? null,
				i.predecessor?.instance ?? null,
				i.nextTryAt,
				i.queuedAt,
			);
	}

	earlierSr(reportId: number, revision: number, destinationId: string): OutboxRecord | null {
		const row = this.db
			.prepare(
				`SELECT * FROM outbox_items WHERE report_id = ? AND revision < ? AND destination_kind = 'pacs'
				ORDER BY destination_id = ? DESC, revision DESC LIMIT 1`,
			)
			.get(reportId, revision, destinationId) as Row | undefined;
		return row ? record(row) : null;
	}

	due(now: string): OutboxRecord[] {
		const rows = this.db
			.prepare(`SELECT * FROM outbox_items o WHERE ${ready} AND next_try_at <= ? ORDER BY id`)
			.all(now) as Row[];
		return rows.map(record);
	}

	nextTryAt(): string | null {
		const row = this.db.prepare(`SELECT MIN(next_try_at) AS at FROM outbox_items o WHERE ${ready}`).get() as {
			at: string | null;
		};
		return row.at;
	}

	delivered(id: number, at: string): void {
		this.db
			.prepare(
				`UPDATE outbox_items SET state = 'delivered', attempts = attempts + 1, delivered_at = ?,
					last_error = NULL WHERE id = ?`,
			)
			.run(at, id);
	}

	failed(id: number, state: 'waiting' | 'attention', error: string, nextTryAt: string): void {
		this.db
			.prepare(
				`UPDATE outbox_items SET state = ?, attempts = attempts + 1, last_error = ?, next_try_at = ?
				WHERE id = ? AND state != 'delivered'`,
			)
			.run(state, error, nextTryAt, id);
	}

	postpone(id: number, error: string, nextTryAt: string): void {
		this.db
			.prepare(`UPDATE outbox_items SET last_error = ?, next_try_at = ? WHERE id = ? AND state = 'waiting'`)
			.run(error, nextTryAt, id);
	}

	item(id: number): OutboxRecord | null {
		const row = this.db.prepare(`SELECT * FROM outbox_items WHERE id = ?`).get(id) as Row | undefined;
		return row ? record(row) : null;
	}

	retryNow(id: number, now: string): boolean {
		const done = this.db
			.prepare(`UPDATE outbox_items SET state = 'waiting', next_try_at = ? WHERE id = ? AND state != 'delivered'`)
			.run(now, id);
		return done.changes > 0;
	}

	recent(limit: number): OutboxRecord[] {
		const rows = this.db
			.prepare(
				`SELECT * FROM outbox_items WHERE state != 'delivered'
				UNION ALL SELECT * FROM (SELECT * FROM outbox_items WHERE state = 'delivered' ORDER BY id DESC LIMIT ?)
				ORDER BY id DESC`,
			)
			.all(limit) as Row[];
		return rows.map(record);
	}

	summary(): OutboxSummary {
		return this.db
			.prepare(
				`SELECT COALESCE(SUM(state = 'waiting'), 0) AS waiting,
					COALESCE(SUM(state = 'attention'), 0) AS attention FROM outbox_items`,
			)
			.get() as OutboxSummary;
	}
}
