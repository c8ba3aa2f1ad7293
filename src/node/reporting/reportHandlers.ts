import type { ApiHandlers } from '../../common/api/contract.js';
import type { ReportExports } from '../export/ReportExports.js';
import type { ReportingService } from './ReportingService.js';
import type { ReportSigning } from './ReportSigning.js';
import { ReportNotFoundError } from './ReportingErrors.js';
import { wordDiff } from './wordDiff.js';

type ReportMethods = Extract<keyof ApiHandlers, `report.${string}`>;

/** The reporting workflow's API handlers: thin doors onto ReportingService, ReportSigning and ReportExports. */
export function reportHandlers(w: {
	reporting: ReportingService;
	signing: ReportSigning;
	exports: ReportExports;
}): Pick<ApiHandlers, ReportMethods> {
	const { reporting, signing, exports } = w;
	return {
		'report.open': async ({ studyId }) => reporting.state(studyId),
		'report.draft': async ({ studyId, regenerate }) => reporting.draft(studyId, { regenerate }),
		'report.decideFinding': async ({ studyId, label, decision }) => reporting.decide(studyId, label, decision),
		'report.applyCorrections': async ({ studyId }) => reporting.applyCorrections(studyId),
		'report.save': async ({ studyId, findings, impression }) => reporting.save(studyId, { findings, impression }),
		'report.versions': async ({ studyId }) => {
			const r = reporting.store.report(studyId);
			return r ? reporting.store.versions(r.id) : [];
		},
		'report.diff': async ({ studyId, from, to }) => {
			const r = reporting.store.report(studyId);
			const versions = r ? reporting.store.versions(r.id) : [];
			const a = versions.find((v) => v.versionNo === from),
				b = versions.find((v) => v.versionNo === to);
			if (!a || !b) throw new ReportNotFoundError('No such version.');
			return wordDiff(`${a.findings}\n\n${a.impression}`, `${b.findings}\n\n${b.impression}`);
		},
		'report.ask': async ({ studyId, request }) => {
			const { question, answer } = await reporting.ask(studyId, request);
			return { question, answer };
		},
		'report.check': async ({ studyId }) => signing.check(studyId),
		'report.sign': async ({ studyId, acknowledgeIssues }) => signing.sign(studyId, acknowledgeIssues),
		'report.addendum': async ({ studyId, text }) => signing.addendum(studyId, text),
		'report.export': async ({ studyId, formats, includeKeyImage }) => ({
			files: await exports.export(studyId, formats, { includeKeyImage }),
		}),
		'report.handout.generate': async ({ studyId }) => reporting.generateHandout(studyId),
		'report.handout.save': async ({ studyId, text }) => reporting.saveHandout(studyId, text),
		'report.audit': async ({ studyId }) => reporting.audit.forStudy(studyId),
		'report.exportDataset': async () => exports.exportDataset(),
	};
}
