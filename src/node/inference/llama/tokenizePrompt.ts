import type { LlamaModel, Token } from 'node-llama-cpp';
import { promptSegments, type SegmentOptions } from '../../../common/radialog/vicunaPrompt.js';

/**
 * Prompt text → tokens by the rule in vicunaPrompt.ts (BOS, text, placeholder ids, EOS). The runtime and
 * the demo-model training (models/training/make-lm-data.ts) both call this, so what a model was trained on
 * is what it is given.
 */
export function tokenizePrompt(
	model: LlamaModel,
	prompt: string,
	placeholderIds: readonly number[],
	options: SegmentOptions = {},
): Token[] {
	const out: Token[] = [];
	if (model.tokens.bos !== null) out.push(model.tokens.bos);
	for (const s of promptSegments(prompt, options)) {
		if (s.kind === 'image') out.push(...(placeholderIds as Token[]));
		else if (s.kind === 'endOfAnswer') out.push(model.tokens.eos!);
		else
			out.push(
				...(s.leadingSpace ? model.tokenize(s.text, false) : model.tokenize(s.text, false, 'trimLeadingSpace')),
			);
	}
	return out;
}
