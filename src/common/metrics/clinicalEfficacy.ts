import { chexpertLabels, type ChexpertLabel } from '../domain/chexpert.js';
import type { ReportLabels } from '../labeler/ReportLabels.js';

export interface LabelScore {
	readonly label: ChexpertLabel;
	readonly truePositives: number;
	readonly falsePositives: number;
	readonly falseNegatives: number;
	/** Reports whose reference states the label as positive. */
	readonly support: number;
	readonly precision: number;
	readonly recall: number;
	readonly f1: number;
}

export interface PrfScore {
	readonly precision: number;
	readonly recall: number;
	readonly f1: number;
}

export interface ClinicalEfficacy {
	readonly perLabel: LabelScore[];
	/** Unweighted mean over the 14 labels of each label's precision, recall and F1. */
	readonly macro: PrfScore;
	/** From the counts pooled over the 14 labels. */
	readonly micro: PrfScore;
	readonly reports: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const f1Of = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/**
 * Clinical efficacy: labels of generated reports scored against labels of the reference reports.
 * Only "positive" counts as present; uncertain, negative and not mentioned all count as absent, as in
 * the published CE numbers. An undefined precision or recall (nothing predicted, nothing to find) is 0.
 */
export function clinicalEfficacy(
	predicted: readonly ReportLabels[],
	reference: readonly ReportLabels[],
): ClinicalEfficacy {
	if (predicted.length !== reference.length)
		throw new RangeError(`${predicted.length} predicted label sets for ${reference.length} references`);
	const perLabel = chexpertLabels.map((label): LabelScore => {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		predicted.forEach((p, i) => {
			const hyp = p[label] === 'positive';
			const ref = reference[i]![label] === 'positive';
			if (hyp && ref) tp++;
			else if (hyp) fp++;
			else if (ref) fn++;
		});
		const precision = ratio(tp, tp + fp);
		const recall = ratio(tp, tp + fn);
		return {
			label,
			truePositives: tp,
			falsePositives: fp,
			falseNegatives: fn,
			support: tp + fn,
			precision,
			recall,
			f1: f1Of(precision, recall),
		};
	});
	const mean = (f: (s: LabelScore) => number) => perLabel.reduce((sum, s) => sum + f(s), 0) / perLabel.length;
	const tp = perLabel.reduce((s, l) => s + l.truePositives, 0);
	const fp = perLabel.reduce((s, l) => s + l.falsePositives, 0);
	const fn = perLabel.reduce((s, l) => s + l.falseNegatives, 0);
	const microP = ratio(tp, tp + fp);
	const microR = ratio(tp, tp + fn);
	return {
		perLabel,
		macro: { precision: mean((s) => s.precision), recall: mean((s) => s.recall), f1: mean((s) => s.f1) },
		micro: { precision: microP, recall: microR, f1: f1Of(microP, microR) },
		reports: predicted.length,
	};
}
