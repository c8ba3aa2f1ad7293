import type { ReportVersion } from '../../common/api/reportContract.js';

type Version = Pick<ReportVersion, 'versionNo' | 'source' | 'impression'>;

/**
 * Who wrote the text last, read from the stored versions rather than the screen: whether the reader
 * edited since the model's last version, which version "Undo apply" brings back, whether the Impression
 * is still the model's.
 */
export function draftHistory(versions: readonly Version[], impression: string) {
	const byModel = (v: Version) => v.source === 'draft' || v.source === 'correction';
	const lastModel = lastIndex(versions, byModel);
	const last = versions.at(-1);
	const beforeApply = last?.source === 'correction' ? versions.at(-2) : undefined;
	// The version that first wrote the current Impression (the start of the trailing run that holds it).
	const since = lastIndex(versions, (v) => v.impression !== impression) + 1;
	return {
		editedSinceModel: versions.slice(lastModel + 1).some((v) => v.source === 'edit'),
		undoApply: beforeApply ? { versionNo: beforeApply.versionNo } : null,
		impressionByModel: !!impression.trim() && !!versions[since] && byModel(versions[since]),
	};
}

function lastIndex<T>(list: readonly T[], test: (x: T) => boolean): number {
	for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
	return -1;
}
