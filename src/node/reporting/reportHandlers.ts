import type { ApiHandlers } from '../../common/api/contract.js';
import type { AuditTrail } from './AuditTrail.js';
import type { ReportingService } from './ReportingService.js';
import type { ReportSigning } from './ReportSigning.js';

type ReportMethods = Exclude<Extract<keyof ApiHandlers, `report.${string}`>, 'report.export' | 'report.exportDataset'>;

/** The reporting workflow's API handlers: thin doors onto ReportingService, ReportSigning and the audit trail. */
export function reportHandlers(w: {
	reporting: ReportingService;
	signing: ReportSigning;
	audit: Pick<AuditTrail, 'forStudy'>;
}): Pick<ApiHandlers, ReportMethods> {
	const { reporting, signing, audit } = w;
	return {
		'report.open': ({ studyId }) => reporting.state(studyId),
		'report.draft': ({ studyId, regenerate }) => reporting.draft(studyId, { regenerate }),
		'report.decideFinding': ({ studyId, label, decision }) => reporting.decide(studyId, label, decision),
		'report.applyCorrections': ({ studyId, replaceEdits }) => reporting.applyCorrections(studyId, { replaceEdits }),
		'report.undoApply': ({ studyId }) => reporting.undoApply(studyId),
		'report.save': ({ studyId, findings, impression }) =>
			Promise.resolve(reporting.save(studyId, { findings, impression })),
		'report.versions': ({ studyId }) => Promise.resolve(reporting.versions(studyId)),
		'report.diff': ({ studyId, from, to }) => Promise.resolve(reporting.diff(studyId, from, to)),
		'report.ask': async ({ studyId, request }) => {
			const { question, answer } = await reporting.ask(studyId, request);
			return { question, answer };
		},
		'report.check': ({ studyId }) => signing.check(studyId),
		'report.sign': ({ studyId, acknowledgeIssues }) => signing.sign(studyId, acknowledgeIssues),
		'report.addendum': ({ studyId, text }) => signing.addendum(studyId, text),
		'report.handout.generate': ({ studyId }) => reporting.generateHandout(studyId),
		'report.handout.save': ({ studyId, text }) => reporting.saveHandout(studyId, text),
		'report.audit': ({ studyId }) => Promise.resolve(audit.forStudy(studyId)),
	};
}
