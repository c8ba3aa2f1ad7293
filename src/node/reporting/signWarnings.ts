import type { ConsistencyIssue, SignWarning } from '../../common/api/reportContract.js';
import { checkAgainstReport, describeContradiction } from '../../common/faithfulness/index.js';

/** The text says the opposite of the reader's decisions: these stop Enter in the sign dialog. */
const seriousIssues = new Set<ConsistencyIssue['kind']>(['mentioned_but_rejected', 'denied_but_positive']);

/**
 * Everything the sign dialog lists, serious first. Serious: the text contradicts the reader's decisions
 * (a rejected finding stated, a positive one denied), the Impression contradicts the Findings, or there
 * is no Impression. Minor notes: omissions (a finding accepted or predicted but not written) and a text
 * that could not be checked; the reader may leave those out on purpose.
 */
export function signWarnings(
	report: { findings: string; impression: string },
	issues: readonly ConsistencyIssue[],
	labelerAvailable: boolean,
): SignWarning[] {
	const warnings: SignWarning[] = issues.map((i) => ({
		kind: i.kind,
		label: i.label,
		serious: seriousIssues.has(i.kind),
		message: i.message,
	}));
	if (!report.impression.trim())
		warnings.push({
			kind: 'empty_impression',
			label: null,
			serious: true,
			message: 'The Impression is empty: write one, or sign knowingly without it.',
		});
	else
		for (const c of checkAgainstReport([report.findings], report.impression))
			warnings.push({
				kind: 'impression_contradicts_findings',
				label: c.finding,
				serious: true,
				message: `The Impression contradicts the Findings: ${describeContradiction(c)}`,
			});
	if (!labelerAvailable)
		warnings.push({
			kind: 'not_checked',
			label: null,
			serious: false,
			message: 'No labeler is installed: the text was not checked against your findings.',
		});
	return warnings.sort((a, b) => Number(b.serious) - Number(a.serious));
}
