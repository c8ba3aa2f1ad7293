import type { AskRequest, ReportState } from '../../common/api/reportContract.js';
import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import type {
	ChatTurn,
	GeneratedText,
	ReportAssistant,
	StreamHandlers,
} from '../../common/radialog/ReportAssistant.js';
import type { TokenStream } from '../../common/api/events.js';
import { pendingCorrection } from './consistencyGuard.js';
import { draftHistory } from './draftHistory.js';
import { recordAnswer } from './recordAnswer.js';
import { reportState } from './reportState.js';
import type { AuditTrail } from './AuditTrail.js';
import type { ReportingDependencies } from './ReportingDependencies.js';
import {
	AssistantUnavailableError,
	NothingToUndoError,
	ReaderEditsError,
	ReportNotFoundError,
	SignedReportError,
} from './ReportingErrors.js';
import { DraftPreemptedError, ReaderPriority } from './ReaderPriority.js';
import type { ReportStore } from './ReportStore.js';
import type { StudyFacts } from './StudyFacts.js';
import { impressionAfter, impressionAudit } from './summaryImpression.js';
import { wordDiff } from './wordDiff.js';

let jobCounter = 0;

/**
 * Drafting, correcting and conversing: every model call of the reporting workflow goes through here,
 * streams its tokens as events, and is stored (with the prompt) and audited. The app drafts; the
 * reader decides: nothing here signs or changes a signed report.
 */
export class ReportingService {
	private readonly store: ReportStore;
	private readonly audit: AuditTrail;
	private readonly studies: StudyFacts;
	private readonly busy = new Map<number, Promise<unknown>>();
	private readonly priority = new ReaderPriority();
	private assistantProblem: string | null = null;
	private notice: string | null = null;

	constructor(private readonly deps: ReportingDependencies) {
		this.store = deps.store;
		this.audit = deps.audit;
		this.studies = deps.studies;
	}

	reader(): string {
		return this.deps.reader.readerName().trim();
	}

	versions(studyId: number) {
		const r = this.store.report(studyId);
		return r ? this.store.versions(r.id) : [];
	}

	/** Word by word, what changed between two stored versions of the study's report. */
	diff(studyId: number, from: number, to: number) {
		const versions = this.versions(studyId);
		const a = versions.find((v) => v.versionNo === from),
			b = versions.find((v) => v.versionNo === to);
		if (!a || !b) throw new ReportNotFoundError('No such version.');
		return wordDiff(`${a.findings}\n\n${a.impression}`, `${b.findings}\n\n${b.impression}`);
	}

	/** Synchronous reads; a promise because every workflow step returns the state as one. */
	state(studyId: number): Promise<ReportState> {
		return Promise.resolve(
			reportState(this.store, this.studies, studyId, {
				modelNotice: this.notice,
				assistantProblem: this.assistantProblem,
				readerName: this.reader(),
			}),
		);
	}

	private async assistant(): Promise<ReportAssistant> {
		try {
			const a = await this.deps.assistants.assistant();
			this.assistantProblem = null;
			this.notice = a.notice;
			return a;
		} catch (e) {
			this.assistantProblem = (e as Error).message;
			throw new AssistantUnavailableError(`The AI assistant is not available: ${(e as Error).message}`);
		}
	}

	/** One model call per study at a time: a queued draft and a click on "draft" share the work. */
	private exclusive<T>(studyId: number, work: () => Promise<T>): Promise<T> {
		const prev = this.busy.get(studyId) ?? Promise.resolve();
		const next = prev.catch(() => undefined).then(work);
		this.busy.set(studyId, next);
		void next
			.finally(() => {
				if (this.busy.get(studyId) === next) this.busy.delete(studyId);
			})
			.catch(() => undefined);
		return next;
	}

	isBusy(studyId: number): boolean {
		return this.busy.has(studyId);
	}

	private streamTo(studyId: number, stream: TokenStream): StreamHandlers & { jobId: string } {
		const jobId = `${stream}:${studyId}:${++jobCounter}`;
		return {
			jobId,
			onToken: (text, tps) =>
				this.deps.events.emit({ type: 'tokens', jobId, stream, studyId, text, tokensPerSecond: tps }),
		};
	}

	/** Predicts findings where not yet done, then drafts the findings section from the positive labels. */
	draft(
		studyId: number,
		o: { regenerate?: boolean; actor?: string; background?: boolean } = {},
	): Promise<ReportState> {
		if (o.background) return this.priority.asBackground(studyId, (signal) => this.drafted(studyId, o, signal));
		return this.priority.asReader(studyId, () => this.drafted(studyId, o));
	}

	/** Background drafts pass a signal: when the reader's work cancels it, nothing is stored. */
	private drafted(
		studyId: number,
		o: { regenerate?: boolean; actor?: string },
		signal?: AbortSignal,
	): Promise<ReportState> {
		return this.exclusive(studyId, async () => {
			const existing = this.store.report(studyId);
			if (existing?.status === 'signed') throw new SignedReportError();
			if (existing && !o.regenerate) return this.state(studyId);
			const actor = o.actor ?? (this.reader() || 'assistant');
			const assistant = await this.assistant();
			const image = await this.deps.images.studyImage(studyId);
			if (signal?.aborted) throw new DraftPreemptedError();
			if (!this.store.hasPredictions(studyId)) {
				const predictions = await assistant.predictFindings(image);
				this.store.savePredictions(studyId, predictions);
				this.audit.record({
					studyId,
					actor,
					action: 'predict',
					detail: { positive: predictions.filter((p) => p.positive).map((p) => p.label) },
				});
			}
			const basis = this.store
				.findings(studyId)
				.filter((f) => f.positive)
				.map((f) => f.label);
			if (signal?.aborted) throw new DraftPreemptedError();
			const stream = this.streamTo(studyId, 'draft');
			const out = await assistant.draftReport(
				{ image, findings: basis },
				signal ? { ...stream, signal } : stream,
			);
			if (out.stoppedBy === 'cancelled' || signal?.aborted) throw new DraftPreemptedError();
			const findings = out.text.trim();
			// A reader's own Impression survives a regenerated draft; the model's is rewritten with the findings.
			const input = { image, findings: basis, report: findings };
			const impression = await impressionAfter(assistant, input, this.ownImpression(existing), signal);
			if (signal?.aborted) throw new DraftPreemptedError();
			const report = this.store.writeGenerated(
				studyId,
				{ findings, impression: impression.text },
				{ basis, notice: assistant.notice, prompt: out.prompt, source: 'draft', author: 'assistant' },
			);
			this.store.setStudyStatus(studyId, 'drafted');
			this.audit.record({
				studyId,
				reportId: report.id,
				actor,
				action: 'draft',
				detail: {
					findings: basis,
					tokens: out.tokenCount,
					stoppedBy: out.stoppedBy,
					version: report.versionNo,
					jobId: stream.jobId,
					...impressionAudit(impression),
				},
			});
			return this.state(studyId);
		});
	}

	async decide(
		studyId: number,
		label: ChexpertLabel,
		decision: 'accepted' | 'rejected' | null,
	): Promise<ReportState> {
		const report = this.store.report(studyId);
		if (report?.status === 'signed')
			throw new SignedReportError('The report is signed: findings can no longer be changed.');
		this.store.decide(studyId, label, decision, this.reader() || 'reader');
		this.audit.record({
			studyId,
			reportId: report?.id ?? null,
			actor: this.reader() || 'reader',
			action: 'decide_finding',
			detail: { label, decision },
		});
		return this.state(studyId);
	}

	/** Builds RaDialog's correction instruction from the decisions, regenerates, stores before/after. */
	applyCorrections(studyId: number, o: { replaceEdits?: boolean } = {}): Promise<ReportState> {
		return this.priority.asReader(studyId, () => this.corrected(studyId, o.replaceEdits ?? false));
	}

	private corrected(studyId: number, replaceEdits: boolean): Promise<ReportState> {
		return this.exclusive(studyId, async () => {
			const report = this.requireDraft(studyId);
			const findings = this.store.findings(studyId);
			const { add, remove } = pendingCorrection(report.basisLabels, findings);
			if (!add.length && !remove.length) return this.state(studyId);
			// The rewrite would replace the reader's text: only once they said so (it stays an earlier version).
			if (!replaceEdits && draftHistory(this.store.versions(report.id), report.impression).editedSinceModel)
				throw new ReaderEditsError();
			const assistant = await this.assistant();
			const image = await this.deps.images.studyImage(studyId);
			const accepted = findings.filter((f) => f.positive).map((f) => f.label);
			const stream = this.streamTo(studyId, 'correct');
			const out = await assistant.followUp(
				{
					image,
					findings: report.basisLabels,
					report: report.findings,
					history: [],
					request: { task: 'CO', add, remove },
				},
				stream,
			);
			const actor = this.reader() || 'reader';
			const rewritten = out.text.trim();
			// As with a regenerated draft: the model's Impression summed up findings the reader has just changed.
			const input = { image, findings: accepted, report: rewritten };
			const impression = await impressionAfter(assistant, input, this.ownImpression(report));
			const after = this.store.writeGenerated(
				studyId,
				{ findings: rewritten, impression: impression.text },
				{ basis: accepted, notice: assistant.notice, prompt: null, source: 'correction', author: actor },
			);
			this.store.addCorrection({
				reportId: report.id,
				add,
				remove,
				prompt: out.prompt,
				before: report.findings,
				after: after.findings,
				author: actor,
			});
			this.audit.record({
				studyId,
				reportId: report.id,
				actor,
				action: 'correct',
				detail: {
					add,
					remove,
					version: after.versionNo,
					basisBefore: report.basisLabels,
					replaceEdits,
					...impressionAudit(impression),
				},
			});
			return this.state(studyId);
		});
	}

	/** The report's Impression and the versions that wrote it, for impressionAfter. */
	private ownImpression(report: { id: number; impression: string } | null | undefined) {
		return report ? { impression: report.impression, versions: this.store.versions(report.id) } : null;
	}

	/** "Undo apply": the text as it was before the last correction comes back as a new version. */
	undoApply(studyId: number): Promise<ReportState> {
		return this.priority.asReader(studyId, () =>
			this.exclusive(studyId, () => {
				const report = this.requireDraft(studyId);
				const versions = this.store.versions(report.id);
				const target = draftHistory(versions, report.impression).undoApply;
				const before = versions.find((v) => v.versionNo === target?.versionNo);
				if (!before) throw new NothingToUndoError();
				const correct = this.audit
					.forStudy(studyId)
					.filter((a) => a.action === 'correct')
					.at(-1);
				const basis = (correct?.detail.basisBefore as ChexpertLabel[] | undefined) ?? report.basisLabels;
				const actor = this.reader() || 'reader';
				const restored = this.store.restoreVersion(studyId, before, basis, actor);
				this.audit.record({
					studyId,
					reportId: report.id,
					actor,
					action: 'undo_apply',
					detail: { restored: before.versionNo, version: restored.versionNo },
				});
				this.store.setStudyStatus(studyId, 'in_review');
				return this.state(studyId);
			}),
		);
	}

	save(studyId: number, text: { findings: string; impression: string }): { versionNo: number; savedAt: string } {
		const report = this.requireDraft(studyId);
		if (report.findings === text.findings && report.impression === text.impression)
			return { versionNo: report.versionNo, savedAt: report.updatedAt };
		const actor = this.reader() || 'reader';
		const { report: saved, newVersion } = this.store.saveEdit(studyId, text, actor);
		if (newVersion)
			this.audit.record({
				studyId,
				reportId: saved.id,
				actor,
				action: 'edit',
				detail: { version: saved.versionNo },
			});
		this.store.setStudyStatus(studyId, 'in_review');
		return { versionNo: saved.versionNo, savedAt: saved.updatedAt };
	}

	/** A chat turn: the current draft is the first answer, earlier turns of this study the history. */
	ask(studyId: number, request: AskRequest) {
		return this.priority.asReader(studyId, () => this.answered(studyId, request));
	}

	private answered(studyId: number, request: AskRequest) {
		return this.exclusive(studyId, async () => {
			const report = this.store.report(studyId);
			if (!report) throw new ReportNotFoundError('Draft the report first: the conversation is about it.');
			const assistant = await this.assistant();
			const image = await this.deps.images.studyImage(studyId);
			const history: ChatTurn[] = this.store.conversation
				.turns(studyId)
				.map((m) => ({ role: m.role, text: m.role === 'user' ? (m.prompt ?? m.text) : m.text }));
			const stream = this.streamTo(studyId, 'ask');
			const out: GeneratedText = await assistant.followUp(
				{
					image,
					findings: report.basisLabels,
					report: report.findings,
					history,
					request,
				},
				stream,
			);
			const { question, answer } = recordAnswer(this.store.conversation, this.audit, {
				studyId,
				report: { ...report, addenda: this.store.addenda(report.id) },
				request,
				out,
				actor: this.reader() || 'reader',
			});
			return { question, answer, jobId: stream.jobId };
		});
	}

	async generateHandout(studyId: number): Promise<ReportState> {
		const { answer } = await this.ask(studyId, { task: 'EL' });
		this.store.saveHandout(studyId, { aiText: answer.text, text: answer.text, reviewedBy: null });
		this.audit.record({
			studyId,
			actor: this.reader() || 'reader',
			action: 'handout_generate',
			detail: { messageId: answer.id },
		});
		return this.state(studyId);
	}

	async saveHandout(studyId: number, text: string): Promise<ReportState> {
		if (!this.store.handout(studyId))
			this.store.saveHandout(studyId, { aiText: '', text, reviewedBy: this.reader() || null });
		else this.store.saveHandout(studyId, { text, reviewedBy: this.reader() || null });
		this.audit.record({
			studyId,
			actor: this.reader() || 'reader',
			action: 'handout_edit',
			detail: { length: text.length },
		});
		return this.state(studyId);
	}

	requireDraft(studyId: number) {
		const report = this.store.report(studyId);
		if (!report) throw new ReportNotFoundError();
		if (report.status === 'signed') throw new SignedReportError();
		return report;
	}
}
