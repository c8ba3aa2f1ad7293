import {
	personNameFromReadable,
	type ReportDocument,
	type SignedReportSource,
	type StoredCase,
} from '../export/index.js';
import { ReportNotFoundError } from './ReportingErrors.js';
import type { ReportStore } from './ReportStore.js';
import type { StudyFacts } from './StudyFacts.js';

/** The reporting tables read as documents for the export capability: its SignedReportSource. */
export class ReportDocuments implements SignedReportSource {
	constructor(
		private readonly store: ReportStore,
		private readonly studies: StudyFacts,
	) {}

	document(studyId: number): ReportDocument {
		const report = this.store.report(studyId);
		if (!report) throw new ReportNotFoundError();
		const { patientPersonName, dicomStudyId, ...study } = this.studies.get(studyId);
		return {
			reportId: report.id,
			versionNo: report.versionNo,
			status: report.status,
			findings: report.findings,
			impression: report.impression,
			signedBy: report.signedBy,
			signedAt: report.signedAt,
			addenda: this.store.addenda(report.id),
			aiGenerated: report.aiGenerated,
			modelNotice: report.modelNotice,
			acceptedFindings: this.store
				.findings(studyId)
				.filter((f) => f.positive)
				.map((f) => f.label),
			study: {
				...study,
				// Rows imported before the PN was kept have only the readable name.
				personName: patientPersonName ?? personNameFromReadable(study.patientName),
				studyId: dicomStudyId,
			},
			instances: this.studies.instances(studyId),
			exportedAt: new Date().toISOString(),
		};
	}

	handout(studyId: number): { text: string; reviewedBy: string | null } | null {
		return this.store.handout(studyId);
	}

	datasetCases(): StoredCase[] {
		return this.store.draftedReports().map((row) => {
			const turns = this.store.conversation.turns(row.studyId);
			const pairs: StoredCase['turns'][number][] = [];
			for (let i = 0; i + 1 < turns.length; i++) {
				const q = turns[i]!,
					a = turns[i + 1]!;
				if (q.role === 'user' && a.role === 'assistant')
					pairs.push({ prompt: q.prompt ?? q.text, report: q.reportText ?? row.findings, answer: a.text });
			}
			return {
				dicom:
					this.studies.instances(row.studyId)[0]?.sopInstanceUid ??
					this.studies.get(row.studyId).studyInstanceUid,
				draftPrompt: row.draftPrompt,
				signedFindings: row.status === 'signed' ? row.findings : null,
				corrections: this.store.corrections(row.id),
				turns: pairs,
			};
		});
	}
}
