import type { ModelSetError } from '../modelErrors.js';

/** One check of `radialog models verify`: what was checked, and what was found. */
export interface ModelSetCheck {
	/** What was checked, e.g. "sha256 encoder.onnx". */
	readonly subject: string;
	readonly passed: boolean;
	/** What was found, in words; the error's message when it failed. */
	readonly detail: string;
	readonly error: ModelSetError | null;
}
