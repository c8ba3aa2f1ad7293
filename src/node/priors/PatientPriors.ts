import type { PriorReport, PriorStudy } from '../../common/api/priorsContract.js';
import { priorOrder } from './priorOrder.js';
import type { FoundStudy } from './PriorStudyFinder.js';
import type { PriorsDependencies } from './PriorsDependencies.js';

/** The patient's other studies beside the one being read, each with its signed report where there is one. */
export class PatientPriors {
	constructor(private readonly deps: PriorsDependencies) {}

	async list(studyId: number): Promise<PriorStudy[]> {
		return (await this.search(studyId)).priors;
	}

	/**
	 * The list with a note for each place that failed or was too slow: a PACS that is down must never
	 * hide the studies found elsewhere.
	 */
	async search(studyId: number): Promise<{ priors: PriorStudy[]; notes: string[] }> {
		const current = this.deps.studies.current(studyId);
		// An empty Patient ID is legal DICOM but names no one: searching by it would list strangers.
		if (!current.patient.patientId.trim()) return { priors: [], notes: [] };
		const notes: string[] = [];
		const searches = this.deps.finders.map((f) =>
			f.place === undefined
				? f.find(current)
				: withinTime(f.find(current), this.deps.finderTimeoutMs ?? 5000).catch((e: unknown) => {
						notes.push(`${f.place} not reachable: ${e instanceof Error ? e.message : String(e)}`);
						return [];
					}),
		);
		const found = (await Promise.all(searches)).flat();
		// A study two finders know (stored here and on the PACS) is listed once, as the first finder has it.
		const byUid = new Map<string, FoundStudy>();
		for (const s of found) if (!byUid.has(s.studyInstanceUid)) byUid.set(s.studyInstanceUid, s);
		byUid.delete(current.studyInstanceUid);
		const unique = [...byUid.values()];
		const priors = await Promise.all(unique.map((s) => this.withReport(s)));
		return { priors: priors.sort(priorOrder(current.studyDate)), notes };
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

/** The finder's answer, or a plain error once `ms` pass without one (its search is left to finish alone). */
function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const wait = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${wait}.`)), ms);
	});
	return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
