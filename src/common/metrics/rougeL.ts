import type { TokenPair } from './corpusBleu.js';

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
	let prev = new Array<number>(b.length + 1).fill(0);
	let row = new Array<number>(b.length + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++)
			row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
		[prev, row] = [row, prev];
	}
	return prev[b.length]!;
}

/**
 * ROUGE-L of one pair (Lin 2004): F-measure of the longest common subsequence's precision and recall.
 * beta weights recall; 1.2 is the value of the COCO caption-evaluation code most report papers use.
 */
export function rougeL({ candidate, reference }: TokenPair, beta = 1.2): number {
	const lcs = longestCommonSubsequence(candidate, reference);
	if (lcs === 0) return 0;
	const precision = lcs / candidate.length;
	const recall = lcs / reference.length;
	return ((1 + beta * beta) * precision * recall) / (recall + beta * beta * precision);
}

/** Mean ROUGE-L over the pairs, as corpus scores are reported. */
export function corpusRougeL(pairs: readonly TokenPair[], beta = 1.2): number {
	if (!pairs.length) return 0;
	return pairs.reduce((sum, p) => sum + rougeL(p, beta), 0) / pairs.length;
}
