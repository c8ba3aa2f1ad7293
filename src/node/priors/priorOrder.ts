import type { PriorStudy } from '../../common/api/priorsContract.js';

/**
 * The order the reader compares in: studies up to the current one's date first, newest first (the last
 * prior is the one compared most); then any later studies, oldest first; undated ones last.
 */
export function priorOrder(currentDate: string | null): (a: PriorStudy, b: PriorStudy) => number {
	const group = (d: string | null) => (!d ? 2 : !currentDate || d <= currentDate ? 0 : 1);
	return (a, b) => {
		const ga = group(a.studyDate);
		const gb = group(b.studyDate);
		if (ga !== gb) return ga - gb;
		const byDate = (a.studyDate ?? '').localeCompare(b.studyDate ?? '');
		if (byDate !== 0) return ga === 0 ? -byDate : byDate;
		return (b.studyId ?? 0) - (a.studyId ?? 0);
	};
}
