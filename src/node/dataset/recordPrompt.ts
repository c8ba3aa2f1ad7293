import { IMAGE_MARKER, IMAGE_PLACEHOLDER_COUNT } from '../../common/radialog/vicunaPrompt.js';

/**
 * A record's instruction as the prompt renderer takes it: the run of 32 `<IMG>` placeholders becomes the
 * one image marker (the runtime expands it to the 32 placeholder token ids). The whole instruction is one
 * user turn: for follow-ups it already holds "… ASSISTANT: {report}</s>USER: {message}".
 */
export function recordPromptText(instruction: string): string {
	return instruction.replace(new RegExp(`(?:<IMG>){${IMAGE_PLACEHOLDER_COUNT}}`), IMAGE_MARKER);
}
