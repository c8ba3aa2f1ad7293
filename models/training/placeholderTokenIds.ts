import { IMAGE_PLACEHOLDER_COUNT } from '../../src/common/radialog/vicunaPrompt.js';

/** The demo vocabulary appends the image placeholder tokens after Llama's 32,000 SPM tokens (vocab.py). */
export const placeholderTokenIds = Array.from({ length: IMAGE_PLACEHOLDER_COUNT }, (_, k) => 32000 + k);
