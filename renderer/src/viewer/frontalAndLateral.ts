const frontal = new Set(['PA', 'AP']);
const lateral = new Set(['LL', 'RL', 'LAT', 'LATERAL']);

/** The first frontal and first lateral image of a study (by View Position), to show side by side; else null. */
export function frontalAndLateral(
	images: readonly { viewPosition: string | null }[],
): { frontal: number; lateral: number } | null {
	const view = (i: { viewPosition: string | null }) => (i.viewPosition ?? '').trim().toUpperCase();
	const f = images.findIndex((i) => frontal.has(view(i)));
	const l = images.findIndex((i) => lateral.has(view(i)));
	return f >= 0 && l >= 0 ? { frontal: f, lateral: l } : null;
}
