import type { ConsistencyIssue, ReportState, SignWarning } from '../../common/api/reportContract.js';
import { consistencyIssues } from './consistencyGuard.js';
import { deniedFindings } from './deniedFindings.js';
import type { AuditTrail } from './AuditTrail.js';
import type { PositiveFindingsReader } from './PositiveFindingsReader.js';
import type { ReaderIdentity } from './ReaderIdentity.js';
import type { ReportStateSource } from './ReportStateSource.js';
import type { ReportStore } from './ReportStore.js';
import type { SignedReportListener } from './SignedReportListener.js';
import {
	ConsistencyIssuesError,
	ReaderNameMissingError,
	ReportNotFoundError,
	SignedReportError,
} from './ReportingErrors.js';
import { signWarnings } from './signWarnings.js';

/** The consistency guard, the signature and addenda: the steps after which the text is the reader's. */
export class ReportSigning {
	constructor(
		private readonly d: {
			readonly store: ReportStore;
			readonly audit: AuditTrail;
			readonly reader: ReaderIdentity;
			/** Null where no labeler is available: the guard then says it could not check. */
			readonly findingsReader: PositiveFindingsReader | null;
			readonly states: ReportStateSource;
			/** Queues the signed report for its destinations, in the signature's transaction. */
			readonly signed?: SignedReportListener;
		},
	) {}

	private reader(): string {
		return this.d.reader.readerName().trim();
	}

	/** The consistency guard's issues, and every warning the sign dialog lists (see signWarnings). */
	async check(
		studyId: number,
	): Promise<{ issues: ConsistencyIssue[]; labelerAvailable: boolean; warnings: SignWarning[] }> {
		const report = this.d.store.report(studyId);
		if (!report) throw new ReportNotFoundError();
		const issues = await this.issues(studyId, `${report.findings}\n${report.impression}`);
		const labelerAvailable = issues !== null;
		return {
			issues: issues ?? [],
			labelerAvailable,
			warnings: signWarnings(report, issues ?? [], labelerAvailable),
		};
	}

	/** Null where no labeler is available. */
	private async issues(studyId: number, text: string): Promise<ConsistencyIssue[] | null> {
		const reader = this.d.findingsReader;
		if (!reader) return null;
		const mentioned = new Set(await reader.positiveFindings(text));
		return consistencyIssues(mentioned, this.d.store.findings(studyId), deniedFindings(text));
	}

	/**
	 * Signs with the reader's name and time. Unacknowledged consistency issues stop it; nothing is fixed
	 * silently. An acknowledgement is audited with every warning the reader was shown.
	 */
	async sign(studyId: number, acknowledgeIssues: boolean): Promise<ReportState> {
		const reader = this.reader();
		if (!reader) throw new ReaderNameMissingError();
		const report = this.d.store.report(studyId);
		if (!report) throw new ReportNotFoundError();
		if (report.status === 'signed')
			throw new SignedReportError('The report is already signed: add an addendum instead.');
		if (!report.findings.trim() && !report.impression.trim())
			throw new ConsistencyIssuesError('The report is empty: write findings or an impression before signing.');
		const { issues, labelerAvailable, warnings } = await this.check(studyId);
		if (issues.length && !acknowledgeIssues) {
			throw new ConsistencyIssuesError(`Check before signing: ${issues.map((i) => i.message).join(' ')}`);
		}
		const { store, audit } = this.d;
		store.transaction(() => {
			if (acknowledgeIssues && warnings.length)
				audit.record({
					studyId,
					reportId: report.id,
					actor: reader,
					action: 'consistency_warning',
					detail: {
						acknowledged: true,
						issues: issues.map((i) => i.message),
						serious: warnings.some((w) => w.serious),
						warnings,
					},
				});
			store.sign(report.id, reader);
			store.setStudyStatus(studyId, 'signed');
			audit.record({
				studyId,
				reportId: report.id,
				actor: reader,
				action: 'sign',
				detail: {
					version: report.versionNo + 1,
					labelerChecked: labelerAvailable,
					aiGenerated: report.aiGenerated,
				},
			});
			this.d.signed?.reportSigned({ studyId, reportId: report.id, revision: 0 });
		});
		return this.d.states.state(studyId);
	}

	/** Later changes to a signed report: a new signed text beside it, never an edit of it. */
	async addendum(studyId: number, text: string): Promise<ReportState> {
		const reader = this.reader();
		if (!reader) throw new ReaderNameMissingError();
		const report = this.d.store.report(studyId);
		if (!report || report.status !== 'signed')
			throw new SignedReportError('Addenda belong to signed reports; edit the draft instead.');
		const { store, audit } = this.d;
		store.transaction(() => {
			const id = store.addAddendum(studyId, report.id, text, reader);
			audit.record({
				studyId,
				reportId: report.id,
				actor: reader,
				action: 'addendum',
				detail: { addendumId: id, length: text.length },
			});
			const revision = store.addenda(report.id).length;
			this.d.signed?.reportSigned({ studyId, reportId: report.id, revision });
		});
		return this.d.states.state(studyId);
	}
}
