import type { FindingState, ReportView } from '../../common/api/reportContract.js';
import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { chexpertLabels } from '../../common/domain/chexpert.js';
import type { FindingPrediction } from '../../common/radialog/ReportAssistant.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import { SqliteConversationStore } from './SqliteConversationStore.js';

interface ReportRow {
	id: number;
	study_ref: number;
	status: 'draft' | 'signed';
	findings_text: string;
	impression_text: string;
	basis_labels: string;
	ai_generated: number;
	model_notice: string | null;
	draft_prompt: string | null;
	signed_by: string | null;
	signed_at: string | null;
	updated_at: string;
}

export interface StoredReport extends ReportView {
	readonly studyId: number;
	readonly draftPrompt: string | null;
}

export interface ReportText {
	readonly findings: string;
	readonly impression: string;
}

/** Quick saves by the same author within this window update one version instead of adding many. */
const coalesceMs = 60_000;

/** Reports, their versions, finding decisions, corrections and handouts in SQLite; the conversation beside. */
export class SqliteReportStore {
	/** The reader's questions and the assistant's answers about each study. */
	readonly conversation: SqliteConversationStore;

	constructor(private readonly db: SqliteDatabase) {
		this.conversation = new SqliteConversationStore(db);
	}

	transaction<T>(fn: () => T): T {
		return this.db.transaction(fn)();
	}

	report(studyId: number): StoredReport | null {
		const row = this.db.prepare(`SELECT * FROM reports WHERE study_ref = ? AND kind = 'report'`).get(studyId) as
			ReportRow | undefined;
		return row ? this.toView(row) : null;
	}

	private toView(r: ReportRow): StoredReport {
		const v = this.db
			.prepare('SELECT max(version_no) AS n FROM report_versions WHERE report_ref = ?')
			.get(r.id) as { n: number | null };
		return {
			id: r.id,
			studyId: r.study_ref,
			status: r.status,
			findings: r.findings_text,
			impression: r.impression_text,
			aiGenerated: r.ai_generated === 1,
			modelNotice: r.model_notice,
			signedBy: r.signed_by,
			signedAt: r.signed_at,
			updatedAt: r.updated_at,
			versionNo: v.n ?? 0,
			basisLabels: JSON.parse(r.basis_labels) as ChexpertLabel[],
			draftPrompt: r.draft_prompt,
		};
	}

	/** Writes model text as the report's new content (first draft or regenerated after a correction). */
	writeGenerated(
		studyId: number,
		text: ReportText,
		o: {
			basis: readonly ChexpertLabel[];
			notice: string | null;
			prompt: string | null;
			source: 'draft' | 'correction';
			author: string;
		},
	): StoredReport {
		return this.transaction(() => {
			const existing = this.report(studyId);
			let id: number;
			if (!existing) {
				id = Number(
					this.db
						.prepare(
							`INSERT INTO reports (study_ref, kind, findings_text, impression_text, basis_labels,
								ai_generated, model_notice, draft_prompt)
					VALUES (?, 'report', ?, ?, ?, 1, ?, ?)`,
						)
						.run(studyId, text.findings, text.impression, JSON.stringify(o.basis), o.notice, o.prompt)
						.lastInsertRowid,
				);
			} else {
				id = existing.id;
				this.db
					.prepare(
						`UPDATE reports SET findings_text = ?, impression_text = ?, basis_labels = ?, ai_generated = 1,
							model_notice = ?,
					draft_prompt = coalesce(?, draft_prompt), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
						WHERE id = ?`,
					)
					.run(
						text.findings,
						text.impression,
						JSON.stringify(o.basis),
						o.notice,
						o.source === 'draft' ? o.prompt : null,
						id,
					);
			}
			this.addVersion(id, o.source, text, o.author);
			return this.report(studyId)!;
		});
	}

	/** The editor's autosave: one statement-level transaction, so a kill mid-save leaves the previous version. */
	saveEdit(
		studyId: number,
		text: ReportText,
		author: string,
		nowMs = Date.now(),
	): { report: StoredReport; newVersion: boolean } {
		return this.transaction(() => {
			const r = this.report(studyId)!;
			this.db
				.prepare(
					`UPDATE reports SET findings_text = ?, impression_text = ?,
						updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
				)
				.run(text.findings, text.impression, r.id);
			const last = this.db
				.prepare(
					`SELECT id, source, author, created_at FROM report_versions WHERE report_ref = ?
						ORDER BY version_no DESC LIMIT 1`,
				)
				.get(r.id) as { id: number; source: string; author: string; created_at: string } | undefined;
			const coalesce =
				last &&
				last.source === 'edit' &&
				last.author === author &&
				nowMs - Date.parse(last.created_at) < coalesceMs;
			if (coalesce) {
				this.db
					.prepare(
						`UPDATE report_versions SET findings_text = ?, impression_text = ?,
							updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
					)
					.run(text.findings, text.impression, last.id);
			} else this.addVersion(r.id, 'edit', text, author);
			return { report: this.report(studyId)!, newVersion: !coalesce };
		});
	}

	/** Brings an earlier version's text (and the findings it was written from) back as a new reader version. */
	restoreVersion(studyId: number, text: ReportText, basis: readonly ChexpertLabel[], author: string): StoredReport {
		return this.transaction(() => {
			const r = this.report(studyId)!;
			this.db
				.prepare(
					`UPDATE reports SET findings_text = ?, impression_text = ?, basis_labels = ?,
						updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
				)
				.run(text.findings, text.impression, JSON.stringify(basis), r.id);
			this.addVersion(r.id, 'edit', text, author);
			return this.report(studyId)!;
		});
	}

	private addVersion(reportId: number, source: string, text: ReportText, author: string): void {
		this.db
			.prepare(
				`INSERT INTO report_versions (report_ref, version_no, source, findings_text, impression_text, author)
			VALUES (?, (SELECT coalesce(max(version_no), 0) + 1 FROM report_versions
				WHERE report_ref = ?), ?, ?, ?, ?)`,
			)
			.run(reportId, reportId, source, text.findings, text.impression, author);
	}

	sign(reportId: number, reader: string): void {
		this.transaction(() => {
			const r = this.db
				.prepare('SELECT findings_text, impression_text FROM reports WHERE id = ?')
				.get(reportId) as { findings_text: string; impression_text: string };
			this.db
				.prepare(
					`UPDATE reports SET status = 'signed', signed_by = ?,
						signed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
						updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
				)
				.run(reader, reportId);
			this.addVersion(reportId, 'sign', { findings: r.findings_text, impression: r.impression_text }, reader);
		});
	}

	addAddendum(studyId: number, parentId: number, text: string, reader: string): number {
		return this.transaction(() => {
			const id = Number(
				this.db
					.prepare(
						`INSERT INTO reports (study_ref, kind, parent_ref, status, findings_text, signed_by, signed_at)
				VALUES (?, 'addendum', ?, 'signed', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
					)
					.run(studyId, parentId, text, reader).lastInsertRowid,
			);
			this.addVersion(id, 'addendum', { findings: text, impression: '' }, reader);
			return id;
		});
	}

	addenda(reportId: number): { id: number; text: string; signedBy: string; signedAt: string }[] {
		return this.db
			.prepare(
				`SELECT id, findings_text AS text, signed_by AS signedBy, signed_at AS signedAt FROM reports
					WHERE parent_ref = ? AND kind = 'addendum' ORDER BY id`,
			)
			.all(reportId) as { id: number; text: string; signedBy: string; signedAt: string }[];
	}

	versions(reportId: number) {
		return this.db
			.prepare(
				`SELECT version_no AS versionNo, source, author, created_at AS createdAt, updated_at AS updatedAt,
					findings_text AS findings, impression_text AS impression
			FROM report_versions WHERE report_ref = ? ORDER BY version_no`,
			)
			.all(reportId) as {
			versionNo: number;
			source: 'draft' | 'correction' | 'edit' | 'sign' | 'addendum';
			author: string;
			createdAt: string;
			updatedAt: string;
			findings: string;
			impression: string;
		}[];
	}

	savePredictions(studyId: number, predictions: readonly FindingPrediction[]): void {
		this.transaction(() => {
			const stmt = this.db
				.prepare(`INSERT INTO finding_predictions (study_ref, label, probability, predicted_positive)
					VALUES (?, ?, ?, ?)
				ON CONFLICT (study_ref, label) DO UPDATE SET probability = excluded.probability,
					predicted_positive = excluded.predicted_positive`);
			for (const p of predictions) stmt.run(studyId, p.label, p.probability, p.positive ? 1 : 0);
		});
	}

	decide(studyId: number, label: ChexpertLabel, decision: 'accepted' | 'rejected' | null, reader: string): void {
		this.db
			.prepare(
				`INSERT INTO finding_predictions (study_ref, label, probability, predicted_positive, decision,
					decided_by, decided_at)
			VALUES (@s, @l, 0, 0, @d, @r, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
			ON CONFLICT (study_ref, label) DO UPDATE SET decision = @d, decided_by = @r,
				decided_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
			)
			.run({ s: studyId, l: label, d: decision, r: reader });
	}

	hasPredictions(studyId: number): boolean {
		return !!this.db
			.prepare('SELECT 1 FROM finding_predictions WHERE study_ref = ? AND probability IS NOT NULL LIMIT 1')
			.get(studyId);
	}

	findings(studyId: number): FindingState[] {
		const rows = this.db
			.prepare(
				'SELECT label, probability, predicted_positive, decision FROM finding_predictions WHERE study_ref = ?',
			)
			.all(studyId) as {
			label: ChexpertLabel;
			probability: number;
			predicted_positive: number;
			decision: 'accepted' | 'rejected' | null;
		}[];
		const byLabel = new Map(rows.map((r) => [r.label, r]));
		return chexpertLabels.map((label) => {
			const r = byLabel.get(label);
			const predictedPositive = r ? r.predicted_positive === 1 : null;
			const decision = r?.decision ?? null;
			return {
				label,
				probability: r ? r.probability : null,
				predictedPositive,
				decision,
				positive: decision ? decision === 'accepted' : predictedPositive === true,
			};
		});
	}

	addCorrection(c: {
		reportId: number;
		add: readonly string[];
		remove: readonly string[];
		prompt: string;
		before: string;
		after: string;
		author: string;
	}): void {
		this.db
			.prepare(
				`INSERT INTO corrections (report_ref, add_labels, remove_labels, prompt, before_text, after_text,
					author) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			)
			.run(c.reportId, JSON.stringify(c.add), JSON.stringify(c.remove), c.prompt, c.before, c.after, c.author);
	}

	corrections(reportId: number): { prompt: string; before: string; after: string }[] {
		return this.db
			.prepare(
				`SELECT prompt, before_text AS before, after_text AS after FROM corrections WHERE report_ref = ?
					ORDER BY id`,
			)
			.all(reportId) as { prompt: string; before: string; after: string }[];
	}

	/** The latest correction of a report with what the reader asked; null when none was applied. */
	lastCorrection(reportId: number): { add: string[]; remove: string[]; before: string; after: string } | null {
		const row = this.db
			.prepare(
				`SELECT add_labels AS addLabels, remove_labels AS removeLabels, before_text AS before,
					after_text AS after FROM corrections WHERE report_ref = ? ORDER BY id DESC LIMIT 1`,
			)
			.get(reportId) as { addLabels: string; removeLabels: string; before: string; after: string } | undefined;
		if (!row) return null;
		const labels = (json: string) => JSON.parse(json) as string[];
		return { add: labels(row.addLabels), remove: labels(row.removeLabels), before: row.before, after: row.after };
	}

	/** Reports drafted by the model (they have a stored prompt), oldest first: the instruct dataset's cases. */
	draftedReports(): { id: number; studyId: number; draftPrompt: string; status: string; findings: string }[] {
		return this.db
			.prepare(
				`SELECT id, study_ref AS studyId, draft_prompt AS draftPrompt, status, findings_text AS findings
			FROM reports WHERE kind = 'report' AND draft_prompt IS NOT NULL ORDER BY id`,
			)
			.all() as { id: number; studyId: number; draftPrompt: string; status: string; findings: string }[];
	}

	handout(studyId: number) {
		return (
			(this.db
				.prepare(
					`SELECT text, ai_text AS aiText, reviewed_by AS reviewedBy, updated_at AS updatedAt FROM handouts
						WHERE study_ref = ?`,
				)
				.get(studyId) as
				{ text: string; aiText: string; reviewedBy: string | null; updatedAt: string } | undefined) ?? null
		);
	}

	saveHandout(studyId: number, h: { aiText?: string; text: string; reviewedBy: string | null }): void {
		this.db
			.prepare(
				`INSERT INTO handouts (study_ref, ai_text, text, reviewed_by) VALUES (@s, @a, @t, @r)
			ON CONFLICT (study_ref) DO UPDATE SET ai_text = coalesce(@aNew, ai_text), text = @t, reviewed_by = @r,
				updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
			)
			.run({ s: studyId, a: h.aiText ?? h.text, aNew: h.aiText ?? null, t: h.text, r: h.reviewedBy });
	}

	setStudyStatus(studyId: number, status: 'new' | 'drafted' | 'in_review' | 'signed'): void {
		this.db.prepare('UPDATE studies SET status = ? WHERE id = ?').run(status, studyId);
	}
}
