import type { ReportState } from '../../common/api/reportContract.js';
import { checkAgainstReport, checkCorrection, reportParts } from '../../common/faithfulness/index.js';
import { checkedMessages } from './checkedMessages.js';
import { pendingCorrection } from './consistencyGuard.js';
import { draftHistory } from './draftHistory.js';
import type { ReportStore } from './ReportStore.js';
import type { StudyFacts } from './StudyFacts.js';

/** What the reporting service knows beside the database: the model's notice and whether it answers. */
export interface AssistantStatus {
	readonly modelNotice: string | null;
	readonly assistantProblem: string | null;
	readonly readerName: string;
}

/**
 * A study's whole reporting state as the UI shows it, read from the store: the report and its addenda, the
 * findings and what the reader's decisions still ask of the text, the conversation with each answer checked
 * against the report as it stands, the handout with its contradictions, and what the last correction
 * changed unasked while its rewrite is still the latest version.
 */
export function reportState(
	store: ReportStore,
	studies: StudyFacts,
	studyId: number,
	status: AssistantStatus,
): ReportState {
	const study = studies.get(studyId);
	const report = store.report(studyId);
	const findings = store.findings(studyId);
	const { draftPrompt: _p, studyId: _s, ...view } = report ?? { draftPrompt: null, studyId };
	const addenda = report ? store.addenda(report.id) : [];
	const handout = store.handout(studyId);
	const versions = report ? store.versions(report.id) : [];
	const history = draftHistory(versions, report?.impression ?? '');
	const last = versions.at(-1);
	const correction = report && last?.source === 'correction' ? store.lastCorrection(report.id) : null;
	return {
		kind: 'report.state',
		studyId,
		studyStatus: study.status,
		header: {
			studyInstanceUid: study.studyInstanceUid,
			patientName: study.patientName,
			patientId: study.patientId,
			patientSex: study.patientSex,
			patientBirthDate: study.patientBirthDate,
			studyDate: study.studyDate,
			accessionNumber: study.accessionNumber,
			description: study.description,
		},
		findings,
		report: report ? (view as ReportState['report']) : null,
		addenda,
		messages: report
			? checkedMessages(store.conversation.messages(studyId), reportParts(report, addenda))
			: store.conversation.messages(studyId),
		handout,
		handoutCheck: report && handout ? checkAgainstReport(reportParts(report, addenda), handout.text) : [],
		modelNotice: report?.modelNotice ?? status.modelNotice,
		assistantAvailable: status.assistantProblem === null,
		assistantProblem: status.assistantProblem,
		pendingCorrection:
			report && report.status === 'draft'
				? pendingCorrection(report.basisLabels, findings)
				: { add: [], remove: [] },
		readerName: status.readerName,
		editedSinceModel: history.editedSinceModel,
		undoApply: report?.status === 'draft' ? history.undoApply : null,
		impressionByModel: history.impressionByModel,
		// Read from the stored correction while its rewrite is still the latest version: reload keeps it.
		correctionCheck:
			correction && correction.after === last?.findings
				? checkCorrection(correction.before, correction.after, correction)
				: null,
	};
}
