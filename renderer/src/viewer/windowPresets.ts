export interface WindowPreset {
	name: string;
	center: number;
	width: number;
}

/**
 * Radiographs carry no calibrated units (unlike CT's Hounsfield scale), so presets are fractions of the
 * image's own value range: the whole range, a harder window for bone and lines, a softer one for lung.
 */
export function windowPresets(min: number, max: number): WindowPreset[] {
	const span = Math.max(1, max - min);
	return [
		{ name: 'Full range', center: min + span / 2, width: span },
		{ name: 'Lung', center: min + span * 0.4, width: span * 0.6 },
		{ name: 'Bone', center: min + span * 0.65, width: span * 0.35 },
	];
}
