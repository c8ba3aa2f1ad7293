/**
 * The words that carry a finding's side, size and zone. In a follow-up answer (easy language, summary,
 * quote, correction) they are right only if the model reads them from the report in its context, not
 * from the image; each is one token among dozens, so training weighs them more.
 */
export const detailWords: ReadonlySet<string> = new Set([
	'left',
	'right',
	'bilateral',
	'both',
	'small',
	'moderate',
	'large',
	'mild',
	'upper',
	'middle',
	'lower',
]);

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
		if (detailWords.has(piece.trim().toLowerCase())) details.push(i);
		else if (inQuote && !marks) quoted.push(i);
		if (marks % 2) inQuote = !inQuote;
	});
	return { details, quoted };
}
