import type { TokenPair } from './corpusBleu.js';

/**
 * METEOR (Banerjee & Lavie 2005; parameters alpha 0.9, beta 3, gamma 0.5 as in NLTK) with exact word
 * matching only: no stemming and no WordNet synonyms, which would need a stemmer and a thesaurus this
 * project does not ship. It is therefore at most the full METEOR and not comparable to published values.
 * Alignment as NLTK does it: from the last candidate word backwards, each takes the last unused
 * identical reference word.
 */
export function meteorExact({ candidate, reference }: TokenPair, alpha = 0.9, beta = 3, gamma = 0.5): number {
	const used = new Array<boolean>(reference.length).fill(false);
	const matches: [number, number][] = [];
	for (let i = candidate.length - 1; i >= 0; i--) {
		for (let j = reference.length - 1; j >= 0; j--) {
			if (!used[j] && reference[j] === candidate[i]) {
				used[j] = true;
				matches.push([i, j]);
				break;
			}
		}
	}
	if (!matches.length) return 0;
	matches.sort((a, b) => a[0] - b[0]);
	let chunks = 1;
	for (let k = 1; k < matches.length; k++) {
		if (matches[k]![0] !== matches[k - 1]![0] + 1 || matches[k]![1] !== matches[k - 1]![1] + 1) chunks++;
	}
	const precision = matches.length / candidate.length;
	const recall = matches.length / reference.length;
	const fmean = (precision * recall) / (alpha * precision + (1 - alpha) * recall);
	return (1 - gamma * (chunks / matches.length) ** beta) * fmean;
}

export function corpusMeteorExact(pairs: readonly TokenPair[]): number {
	if (!pairs.length) return 0;
	return pairs.reduce((sum, p) => sum + meteorExact(p), 0) / pairs.length;
}
