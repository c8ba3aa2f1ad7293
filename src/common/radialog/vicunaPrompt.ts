/**
 * The Vicuna v1.1 conversation format RaDialog was trained with (RADIALOG.md, "Conversation format"):
 * `{system} USER: {message} ASSISTANT: {answer}</s>USER: {message} ASSISTANT:`
 * The demo-model training and the inference both render prompts here, so they cannot drift apart.
 */

/** Where the image embeddings go. One marker in the text stands for all placeholder tokens. */
export const IMAGE_MARKER = '<IMG>';
/** How many placeholder tokens (= image embeddings, the Q-Former's query tokens) one marker expands to. */
export const IMAGE_PLACEHOLDER_COUNT = 32;
/** Ends every finished assistant answer; the model emits it (as EOS) to stop. */
export const END_OF_ANSWER = '</s>';

/** A default system text in the reference's spirit; a model set may carry its own in its manifest. */
export const DEFAULT_SYSTEM_PROMPT =
	'A conversation between a curious user and an AI assistant that is an experienced radiologist. ' +
	'The assistant gives professional, detailed and polite answers to the user\'s questions.';

export interface VicunaTurn {
	readonly user: string;
	/** The answer; absent for the last turn, which the model is asked to complete. */
	readonly assistant?: string;
}

/**
 * Renders a conversation. Every turn but the last must have an answer; when the last has none the text
 * ends with "ASSISTANT:" (no trailing space), the point where generation starts.
 */
export function renderVicunaPrompt(system: string, turns: readonly VicunaTurn[]): string {
	let text = system;
	turns.forEach((turn, i) => {
		const sep = i === 0 ? ' ' : '';
		text += `${sep}USER: ${turn.user} ASSISTANT:`;
		if (turn.assistant !== undefined) text += ` ${turn.assistant}${END_OF_ANSWER}`;
		else if (i !== turns.length - 1) throw new Error('only the last turn may be left unanswered');
	});
	return text;
}

/**
 * Splits a rendered prompt at the image marker. Tokens are then built as
 *   [BOS] + tokenize(before) + placeholderIds + tokenize(after)
 * where `after` is tokenized on its own without BOS and without the SentencePiece leading-space prefix
 * (it starts with ". Predicted findings" in the report-generation message). Returns null when the text
 * has no marker (a conversation whose image is absent).
 */
export function splitAtImageMarker(prompt: string): { before: string; after: string } | null {
	const at = prompt.indexOf(IMAGE_MARKER);
	if (at < 0) return null;
	if (prompt.indexOf(IMAGE_MARKER, at + 1) >= 0) throw new Error('a prompt carries one image marker at most');
	return { before: prompt.slice(0, at), after: prompt.slice(at + IMAGE_MARKER.length) };
}
