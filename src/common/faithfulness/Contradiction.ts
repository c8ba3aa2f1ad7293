/**
 * Why a derived text contradicts its report:
 * - `unreported`: it states a finding the report never mentions;
 * - `reported absent`: it states a finding the report denies;
 * - `denied`: it denies a finding the report states (or raises);
 * - `side`, `size`: both state the finding, on another side or of another size.
 */
export type ContradictionKind = 'unreported' | 'reported absent' | 'denied' | 'side' | 'size';

export interface Contradiction {
	/** The CheXpert label, or the device kind ("endotracheal tube"). */
	readonly finding: string;
	/** The report's sentence; '' where the report never mentions the finding. */
	readonly report: string;
	/** The derived text's sentence. */
	readonly text: string;
	readonly kind: ContradictionKind;
}
