/** What a sentence says of a finding: present, absent, or possibly present. */
export type Presence = 'stated' | 'denied' | 'hedged';

export type Side = 'left' | 'right';

/** Size and severity words on one scale: trace, tiny, small, mild are `small`; large, severe, massive are `large`. */
export type Size = 'small' | 'moderate' | 'large';

/** One mention of a finding in a report or in a text derived from it. */
export interface FindingStatement {
	/** A CheXpert label, or a device kind ("endotracheal tube"). */
	readonly finding: string;
	readonly presence: Presence;
	/** Both sides for "bilateral"; empty when no side is said. */
	readonly sides: readonly Side[];
	/** Several for a range ("small to moderate"); empty when no size is said. */
	readonly sizes: readonly Size[];
	/** The sentence as written. */
	readonly sentence: string;
}
