import type { ImageOrientation } from './imageOrientation.js';

/** The patient direction each edge of the viewport faces, e.g. { top: 'H', right: 'L', bottom: 'F', left: 'R' }. */
export interface OrientationMarkers {
	top: string;
	right: string;
	bottom: string;
	left: string;
}

/** How the image is turned on screen: cornerstone flips the image first, then rotates it clockwise. */
export interface ViewTransform {
	rotation: number;
	hflip: boolean;
	vflip: boolean;
}

const opposite: Record<string, string> = { L: 'R', R: 'L', A: 'P', P: 'A', H: 'F', F: 'H' };

function reverse(direction: string): string {
	return [...direction].map((c) => opposite[c] ?? c).join('');
}

/** The letters at the viewport's edges for an image of this orientation, after the reader's flips and turns. */
export function orientationMarkers(orientation: ImageOrientation, view: ViewTransform): OrientationMarkers {
	const [row, column] = orientation;
	let m: OrientationMarkers = { top: reverse(column), right: row, bottom: column, left: reverse(row) };
	if (view.hflip) m = { ...m, left: m.right, right: m.left };
	if (view.vflip) m = { ...m, top: m.bottom, bottom: m.top };
	const quarterTurns = ((Math.round(view.rotation / 90) % 4) + 4) % 4;
	for (let i = 0; i < quarterTurns; i++) m = { top: m.left, right: m.top, bottom: m.right, left: m.bottom };
	return m;
}
