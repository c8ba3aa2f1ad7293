import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { findingsWithLabels } from '../../common/phantoms/findingsWithLabels.js';
import type { PhantomFindings } from '../../common/phantoms/PhantomCase.js';
import type { Prng } from '../../common/phantoms/Prng.js';

/**
 * With odds `odds`, a context-only report also states one finding the image lacks (as a wrong draft may);
 * `labels` (in `questionLabels`' order) is what that conversation's findings list names. With odds 0
 * nothing is drawn from `pick`, so the data stay as they were before this existed.
 */
export function extraFinding(
	findings: PhantomFindings,
	truth: readonly ChexpertLabel[],
	questionLabels: readonly ChexpertLabel[],
	odds: number,
	pick: Prng,
): { findings: PhantomFindings; labels: ChexpertLabel[]; extra: ChexpertLabel | null } {
	const absent = questionLabels.filter((l) => !truth.includes(l));
	const extra = odds > 0 && absent.length && pick.chance(odds) ? pick.pick(absent) : null;
	const labels = questionLabels.filter((l) => truth.includes(l) || l === extra);
	return { findings: extra ? findingsWithLabels(findings, labels, pick) : findings, labels, extra };
}
