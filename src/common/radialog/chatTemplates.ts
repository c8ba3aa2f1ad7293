import type { ChexpertLabel } from '../domain/chexpert.js';
import { renderLlavaReportMessage } from './llavaReportMessage.js';
import { renderReportGenerationMessage } from './reportGenerationMessage.js';
import type { SegmentOptions } from './vicunaPrompt.js';

/**
 * What differs between the model variants' conversations. Both render the Vicuna v1 format
 * (`{system} USER: … ASSISTANT: …</s>`, renderVicunaPrompt); the system text comes from the manifest.
 * - `vicuna_v1.1`: RaDialog and the demo set: our report-generation wording; only the prompt's first
 *   text keeps SentencePiece's leading space.
 * - `llava_vicuna_v1`: RaDialog-LLaVA (LLaVA's `conv_vicuna_v1`): the reference's wording, and the text
 *   after the image is tokenized as a text of its own (LLaVA's `tokenizer_image_token`).
 */
export interface ChatTemplate {
	readonly reportGenerationMessage: (positive: readonly ChexpertLabel[]) => string;
	readonly segments: SegmentOptions;
}

export const chatTemplates = {
	'vicuna_v1.1': { reportGenerationMessage: renderReportGenerationMessage, segments: {} },
	llava_vicuna_v1: { reportGenerationMessage: renderLlavaReportMessage, segments: { spaceAfterImage: true } },
} as const satisfies Record<string, ChatTemplate>;
