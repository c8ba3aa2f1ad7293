import type { AuditEntry } from '../../common/api/reportContract.js';
import { appendAuditRow } from '../store/appendAuditRow.js';
import type { SqliteDatabase } from '../store/openDatabase.js';

export type AuditAction =
	| 'predict'
	| 'draft'
	| 'decide_finding'
	| 'correct'
	| 'edit'
	| 'ask'
	| 'sign'
	| 'addendum'
	| 'export'
	| 'handout_generate'
	| 'handout_edit'
	| 'handout_override'
	| 'dataset_export'
	| 'consistency_warning'
	| 'set_priority'
	| 'undo_apply';

/**
 * Who did what, when: append-only here and in the database (triggers refuse UPDATE and DELETE), each
 * row chained to the one before by its hash so an edit made around the triggers shows.
 */
export class AuditLog {
	constructor(private readonly db: SqliteDatabase) {}

	record(entry: {
		studyId: number | null;
		reportId?: number | null;
		actor: string;
		action: AuditAction;
		detail?: Record<string, unknown>;
	}): void {
		appendAuditRow(this.db, {
			studyRef: entry.studyId,
			reportRef: entry.reportId ?? null,
			actor: entry.actor,
			action: entry.action,
			detail: JSON.stringify(entry.detail ?? {}),
		});
	}

	forStudy(studyId: number): AuditEntry[] {
		const rows = this.db
			.prepare('SELECT id, at, actor, action, report_ref, detail FROM audit_log WHERE study_ref = ? ORDER BY id')
			.all(studyId) as {
			id: number;
			at: string;
			actor: string;
			action: string;
			report_ref: number | null;
			detail: string;
		}[];
		return rows.map((r) => ({
			id: r.id,
			at: r.at,
			actor: r.actor,
			action: r.action,
			reportId: r.report_ref,
			detail: JSON.parse(r.detail) as Record<string, unknown>,
		}));
	}
}
