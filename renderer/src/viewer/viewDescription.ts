import type { ViewTransform } from './orientationMarkers.js';

/** The reader's flips and turn in words, e.g. "Flipped H · Rotated 90°"; empty when the image is as stored. */
export function viewDescription(view: ViewTransform): string {
	const parts: string[] = [];
	if (view.hflip) parts.push('Flipped H');
	if (view.vflip) parts.push('Flipped V');
	if (view.rotation % 360 !== 0) parts.push(`Rotated ${view.rotation}°`);
	return parts.join(' · ');
}
