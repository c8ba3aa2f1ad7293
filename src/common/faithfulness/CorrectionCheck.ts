/**
 * What a correction rewrite changed that the reader did not ask for: findings that appeared or
 * disappeared outside the asked add/remove, and another side or size for a finding it should have left
 * alone. Each item carries the sentence a reader sees.
 */
export interface CorrectionCheck {
	readonly unasked: {
		/** The CheXpert label, or the device kind ("endotracheal tube"). */
		readonly finding: string;
		readonly change: 'appeared' | 'disappeared';
		/** The sentence that states it: in the rewrite where it appeared, in the text before where it went. */
		readonly sentence: string;
		readonly message: string;
	}[];
	readonly changed: {
		readonly finding: string;
		readonly change: 'side' | 'size';
		/** In words: "right", "small to moderate", "not stated". */
		readonly before: string;
		readonly after: string;
		readonly sentence: string;
		readonly message: string;
	}[];
}
