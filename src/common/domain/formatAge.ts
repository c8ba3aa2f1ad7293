const units: Record<string, string> = { Y: 'y', M: 'mo', W: 'wk', D: 'd' };

/** A DICOM age string as the reader reads it: "071Y" → "71 y", "006M" → "6 mo"; anything else as is. */
export function formatAge(as: string | null | undefined): string {
	const m = /^(\d{3})([DWMY])$/.exec(as ?? '');
	return m ? `${Number(m[1])} ${units[m[2]!]}` : (as ?? '');
}
