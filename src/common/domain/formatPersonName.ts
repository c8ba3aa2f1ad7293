/** A DICOM person name as the reader sees it, with the groups it does not show kept for a tooltip. */
export interface ShownPersonName {
	/** "FAMILY, Given Middle" (with prefix and suffix), from the first group that has any component. */
	readonly shown: string;
	/** The other groups (ideographic, phonetic) in the same form, for a tooltip; empty when there are none. */
	readonly otherGroups: readonly string[];
}

// C0 and C1 controls (ESC sequences of ISO 2022 included) are never shown, nor are bidi overrides.
const controls = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

function formatGroup(group: string): string {
	const [family = '', given = '', middle = '', prefix = '', suffix = ''] = group
		.split('^')
		.map((c) => c.replace(controls, '').replace(/\s+/g, ' ').trim());
	const rest = [prefix, given, middle].filter(Boolean).join(' ');
	const head = family ? family.toUpperCase() : '';
	const name = head && rest ? `${head}, ${rest}` : head || rest;
	return suffix ? (name ? `${name}, ${suffix}` : suffix) : name;
}

/**
 * Formats `Family^Given^Middle^Prefix^Suffix=Ideographic=Phonetic` (DICOM PS3.5 6.2.1): the alphabetic
 * group when it has any component, else the first that does; empty components are skipped.
 */
export function formatPersonName(pn: string | null | undefined): ShownPersonName {
	const groups = (pn ?? '').split('=').map(formatGroup);
	const i = groups.findIndex(Boolean);
	if (i < 0) return { shown: '', otherGroups: [] };
	return { shown: groups[i]!, otherGroups: groups.filter((g, j) => j !== i && g) };
}
