import type { ConsistencyIssue, FindingState } from '../../common/api/reportContract.js';
import type { ChexpertLabel } from '../../common/domain/chexpert.js';

/**
 * Compares what the report text states (the labeler's positive labels) and denies with the findings the
 * reader stands behind: accepted ones and the model's positive predictions not rejected. It only reports:
 * the text is never changed behind the reader's back.
 */
export function consistencyIssues(
	mentioned: ReadonlySet<ChexpertLabel>,
	findings: readonly FindingState[],
	denied: ReadonlySet<ChexpertLabel> = new Set(),
): ConsistencyIssue[] {
	const issues: ConsistencyIssue[] = [];
	for (const f of findings) {
		if (f.label === 'No Finding') continue;
		const name = f.label.toLowerCase();
		const whose = f.decision === 'accepted' ? 'you accepted' : 'the model found';
		if (mentioned.has(f.label) && !f.positive) {
			issues.push({
				label: f.label,
				kind: 'mentioned_but_rejected',
				message:
					f.decision === 'rejected'
						? `Contradiction: the report mentions ${name}, which you rejected.`
						: `Contradiction: the report mentions ${name}, which is not among the accepted findings.`,
			});
		} else if (mentioned.has(f.label) || !f.positive) {
			continue;
		} else if (denied.has(f.label)) {
			issues.push({
				label: f.label,
				kind: 'denied_but_positive',
				message: `Contradiction: the report denies ${name}, which ${whose}.`,
			});
		} else if (f.decision === 'accepted') {
			issues.push({
				label: f.label,
				kind: 'accepted_but_missing',
				message: `You accepted ${name}, but the report does not mention it.`,
			});
		} else if (f.predictedPositive) {
			issues.push({
				label: f.label,
				kind: 'predicted_but_missing',
				message: `The model found ${name}, but the report does not mention it.`,
			});
		}
	}
	return issues;
}

/** What "apply" sends: accepted labels the text was not written from, and written-from labels now rejected. */
export function pendingCorrection(
	basis: readonly ChexpertLabel[],
	findings: readonly FindingState[],
): { add: ChexpertLabel[]; remove: ChexpertLabel[] } {
	const positive = new Set<ChexpertLabel>(
		findings.filter((f) => f.positive && f.label !== 'No Finding').map((f) => f.label),
	);
	const was = new Set<ChexpertLabel>(basis.filter((l) => l !== 'No Finding'));
	return {
		add: findings
			.filter((f) => positive.has(f.label) && !was.has(f.label) && f.decision === 'accepted')
			.map((f) => f.label),
		remove: findings.filter((f) => was.has(f.label) && !positive.has(f.label)).map((f) => f.label),
	};
}
