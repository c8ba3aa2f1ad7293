/** One generated text and its reference, already tokenized (reportTokens). */
export interface TokenPair {
	readonly candidate: readonly string[];
	readonly reference: readonly string[];
}

export interface BleuScores {
	/** Cumulative BLEU-1..maxN: geometric mean of the clipped n-gram precisions up to n, times the brevity penalty. */
	readonly bleu: number[];
	readonly precisions: number[];
	readonly brevityPenalty: number;
	readonly candidateLength: number;
	readonly referenceLength: number;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
	const counts = new Map<string, number>();
	for (let i = 0; i + n <= tokens.length; i++) {
		const key = tokens.slice(i, i + n).join('\u0001');
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

/**
 * Corpus BLEU (Papineni et al. 2002) with one reference per candidate: n-gram matches clipped by the
 * reference counts and summed over the corpus before dividing, brevity penalty from the summed lengths,
 * no smoothing (a precision of 0 makes that BLEU-n and every higher one 0).
 */
export function corpusBleu(pairs: readonly TokenPair[], maxN = 4): BleuScores {
	const matched = new Array<number>(maxN).fill(0);
	const total = new Array<number>(maxN).fill(0);
	let candidateLength = 0;
	let referenceLength = 0;
	for (const { candidate, reference } of pairs) {
		candidateLength += candidate.length;
		referenceLength += reference.length;
		for (let n = 1; n <= maxN; n++) {
			const ref = ngramCounts(reference, n);
			for (const [gram, count] of ngramCounts(candidate, n))
				matched[n - 1]! += Math.min(count, ref.get(gram) ?? 0);
			total[n - 1]! += Math.max(0, candidate.length - n + 1);
		}
	}
	const precisions = matched.map((m, i) => (total[i]! > 0 ? m / total[i]! : 0));
	const brevityPenalty =
		candidateLength === 0
			? 0
			: candidateLength > referenceLength
				? 1
				: Math.exp(1 - referenceLength / candidateLength);
	const bleu: number[] = [];
	let logSum = 0;
	for (let n = 1; n <= maxN; n++) {
		const p = precisions[n - 1]!;
		logSum += p > 0 ? Math.log(p) : -Infinity;
		bleu.push(p > 0 && Number.isFinite(logSum) ? brevityPenalty * Math.exp(logSum / n) : 0);
	}
	return { bleu, precisions, brevityPenalty, candidateLength, referenceLength };
}
