/**
 * The Vicuna v1.1 conversation format RaDialog was trained with (docs/radialog.md, section 2):
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
	"The assistant gives professional, detailed and polite answers to the user's questions.";

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

/** One piece of a prompt on its way to token ids. */
export type PromptSegment =
	| {
			readonly kind: 'text';
			readonly text: string;
			/** false: tokenize without the SentencePiece leading space */ readonly leadingSpace: boolean;
	  }
	| { readonly kind: 'image' }
	| { readonly kind: 'endOfAnswer' };

export interface SegmentOptions {
	/**
	 * true: the text after the image also keeps the leading space. LLaVA's `tokenizer_image_token`
	 * tokenizes each piece between image markers as its own text, so each starts like a fresh prompt.
	 */
	readonly spaceAfterImage?: boolean;
}

/**
 * How a rendered prompt becomes tokens (training and inference must agree):
 *   [BOS] then, per segment: text → the tokenizer's ids (without BOS; without the SentencePiece
 *   leading-space prefix when `leadingSpace` is false); image → the placeholder ids in order;
 *   endOfAnswer → the EOS id. Only the prompt's first text keeps the leading space (and, with
 *   `spaceAfterImage`, the text right after the image).
 * Text never turns into placeholder or EOS ids: they enter only through their segments.
 */
export function promptSegments(prompt: string, o: SegmentOptions = {}): PromptSegment[] {
	const out: PromptSegment[] = [];
	const answers = prompt.split(END_OF_ANSWER);
	answers.forEach((part, i) => {
		if (i > 0) out.push({ kind: 'endOfAnswer' });
		const pieces = part.split(IMAGE_MARKER);
		pieces.forEach((text, j) => {
			if (j > 0) out.push({ kind: 'image' });
			const afterImage = o.spaceAfterImage === true && j > 0;
			if (text) out.push({ kind: 'text', text, leadingSpace: out.length === 0 || afterImage });
		});
	});
	if (out.filter((s) => s.kind === 'image').length > 1) throw new Error('a prompt carries one image marker at most');
	return out;
}
