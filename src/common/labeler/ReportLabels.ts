import { chexpertLabels, type ChexpertLabel } from '../domain/chexpert.js';

/**
 * What a report says about one observation, as in the CheXpert labeler: stated present, stated absent,
 * hedged ("cannot exclude"), or not mentioned at all.
 */
export type LabelState = 'positive' | 'negative' | 'uncertain' | 'not_mentioned';

export const labelStates = [
	'positive',
	'negative',
	'uncertain',
	'not_mentioned',
] as const satisfies readonly LabelState[];

/** One state per CheXpert observation. */
export type ReportLabels = Record<ChexpertLabel, LabelState>;

export function emptyReportLabels(): ReportLabels {
	const labels = {} as ReportLabels;
	for (const l of chexpertLabels) labels[l] = 'not_mentioned';
	return labels;
}

/** The labels a report states as present (uncertain counts as absent, as in clinical-efficacy scoring). */
export function positiveLabels(labels: ReportLabels): ChexpertLabel[] {
	return chexpertLabels.filter((l) => labels[l] === 'positive');
}
