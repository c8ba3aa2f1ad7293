import { chexpertLabels, type ChexpertLabel } from '../../common/domain/chexpert.js';

/** A task's own score where its answers have a fixed form. */
export interface AnswerScore {
	readonly kind: 'yes/no accuracy' | 'findings list F1';
	readonly value: number;
}

const yesNo = (text: string): 'yes' | 'no' | null => {
	const m = /\b(yes|no)\b/i.exec(text);
	return m ? (m[1]!.toLowerCase() as 'yes' | 'no') : null;
};

/** Label names a findings-list answer gives ("cardiomegaly, pleural effusion"). */
function listedLabels(text: string): Set<ChexpertLabel> {
	const lower = text.toLowerCase();
	return new Set(chexpertLabels.filter((l) => lower.includes(l.toLowerCase())));
}

function setF1(predicted: Set<ChexpertLabel>, reference: Set<ChexpertLabel>): number {
	if (!predicted.size && !reference.size) return 1;
	const hits = [...predicted].filter((l) => reference.has(l)).length;
	return (2 * hits) / (predicted.size + reference.size);
}

/**
 * Yes/no questions: the share of answers whose first yes or no matches the reference's. Findings lists:
 * the mean over samples of the F1 between the label sets named in answer and reference. Other tasks have
 * free-text answers and only the text metrics.
 */
export function answerScore(
	task: string,
	pairs: readonly { prediction: string; reference: string }[],
): AnswerScore | null {
	if (!pairs.length) return null;
	if (task === 'FQA_binary') {
		const right = pairs.filter(
			(p) => yesNo(p.reference) !== null && yesNo(p.prediction) === yesNo(p.reference),
		).length;
		return { kind: 'yes/no accuracy', value: right / pairs.length };
	}
	if (task === 'FQA_complete') {
		return {
			kind: 'findings list F1',
			value:
				pairs.reduce((s, p) => s + setF1(listedLabels(p.prediction), listedLabels(p.reference)), 0) /
				pairs.length,
		};
	}
	return null;
}
