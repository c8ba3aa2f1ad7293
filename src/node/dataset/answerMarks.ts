import { isSideOrSizeWord } from '../../common/faithfulness/modifierWords.js';

// The phantoms' zones; the faithfulness checker reads sides and sizes, not zones.
const zoneWords: ReadonlySet<string> = new Set(['upper', 'middle', 'lower']);

/**
 * A word that carries a finding's side, size or zone, as the faithfulness checker reads sides and sizes.
 * In a follow-up answer (easy language, summary, quote, correction) it is right only if the model reads
 * it from the report in its context, not from the image; each is one token among dozens, so training
 * weighs them more.
 */
export const isDetailWord = (word: string) => isSideOrSizeWord(word) || zoneWords.has(word);

/** Where an answer's side, size and zone words are, and which of its tokens lie inside a double quote. */
export interface AnswerMarks {
	/** Indices of tokens that are a detail word (any case, with or without a leading space). */
	readonly details: number[];
	/** Indices of tokens inside a quote (not the quote marks themselves, not detail words). */
	readonly quoted: number[];
}

/** Marks one answer, given the text of each of its tokens in order. */
export function answerMarks(pieces: readonly string[]): AnswerMarks {
	const details: number[] = [];
	const quoted: number[] = [];
	let inQuote = false;
	pieces.forEach((piece, i) => {
		const marks = piece.match(/"/g)?.length ?? 0;
		if (isDetailWord(piece.trim().toLowerCase())) details.push(i);
		else if (inQuote && !marks) quoted.push(i);
		if (marks % 2) inQuote = !inQuote;
	});
	return { details, quoted };
}
