import type { PriorReport, PriorStudy } from '../../common/api/priorsContract.js';
import { priorOrder } from './priorOrder.js';
import type { FoundStudy } from './PriorStudyFinder.js';
import type { PriorsDependencies } from './PriorsDependencies.js';

/** The patient's other studies beside the one being read, each with its signed report where there is one. */
export class PatientPriors {
	constructor(private readonly deps: PriorsDependencies) {}

	async list(studyId: number): Promise<PriorStudy[]> {
		const current = this.deps.studies.current(studyId);
		// An empty Patient ID is legal DICOM but names no one: searching by it would list strangers.
		if (!current.patient.patientId.trim()) return [];
		const found = (await Promise.all(this.deps.finders.map((f) => f.find(current)))).flat();
		// A study two finders know (stored here and on the PACS) is listed once, as the first finder has it.
		const byUid = new Map<string, FoundStudy>();
		for (const s of found) if (!byUid.has(s.studyInstanceUid)) byUid.set(s.studyInstanceUid, s);
		byUid.delete(current.studyInstanceUid);
		const unique = [...byUid.values()];
		const priors = await Promise.all(unique.map((s) => this.withReport(s)));
		return priors.sort(priorOrder(current.studyDate));
	}

	private async withReport(study: FoundStudy): Promise<PriorStudy> {
		const report =
			study.source === 'local' && study.studyId !== null ? await this.signedReport(study.studyId) : null;
		// A local study counts as signed only where its signed report could be read.
		const status = report ? 'signed' : study.source === 'pacs' ? study.status : 'not_signed';
		return { ...study, status, report };
	}

	/** The final text and addenda as the reporting capability keeps them; null while the report is not signed. */
	private async signedReport(studyId: number): Promise<PriorReport | null> {
		const state = await this.deps.reports.state(studyId);
		const r = state.report;
		if (!r || r.status !== 'signed') return null;
		const addenda = state.addenda.map(({ text, signedBy, signedAt }) => ({ text, signedBy, signedAt }));
		return { findings: r.findings, impression: r.impression, signedBy: r.signedBy, signedAt: r.signedAt, addenda };
	}
}
