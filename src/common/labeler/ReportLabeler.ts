import type { ReportLabels } from './ReportLabels.js';

/**
 * Reads free-text reports into CheXpert observation states. The rule-based labeler is the default;
 * a model-based one (CheXbert as ONNX, listed in a model manifest) can stand in through the same shape.
 */
export interface ReportLabeler {
	/** Shown with every result ("rules", or the model's name), so scores say which labeler made them. */
	readonly name: string;
	label(texts: readonly string[]): Promise<ReportLabels[]>;
	close(): Promise<void>;
}
