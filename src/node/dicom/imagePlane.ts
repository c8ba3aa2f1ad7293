import type { DicomDataSet } from './parseDicomBytes.js';
import { text } from './DicomHeader.js';

/** Where an image's pixels lie on the patient: spacing (with its source) and orientation letters. */
export interface ImagePlane {
	/** [row spacing, column spacing] in mm: Pixel Spacing, else Imager Pixel Spacing. */
	readonly pixelSpacing: readonly [number, number] | null;
	/** 'patient' for Pixel Spacing (0028,0030), 'detector' for Imager Pixel Spacing (0018,1164). */
	readonly pixelSpacingSource: 'patient' | 'detector' | null;
	/** Patient Orientation (0020,0020): the row and column directions, e.g. ['L', 'F'] for a PA chest. */
	readonly patientOrientation: readonly [string, string] | null;
	readonly imageLaterality: string | null;
}

export function readImagePlane(ds: DicomDataSet): ImagePlane {
	return { ...spacing(ds), patientOrientation: orientation(ds), imageLaterality: text(ds, 'x00200062') };
}

function spacing(ds: DicomDataSet): Pick<ImagePlane, 'pixelSpacing' | 'pixelSpacingSource'> {
	const sources = [
		['x00280030', 'patient'],
		['x00181164', 'detector'],
	] as const;
	for (const [tag, source] of sources) {
		const r = ds.floatString(tag, 0);
		const c = ds.floatString(tag, 1);
		if (r && c && r > 0 && c > 0) return { pixelSpacing: [r, c], pixelSpacingSource: source };
	}
	return { pixelSpacing: null, pixelSpacingSource: null };
}

function orientation(ds: DicomDataSet): readonly [string, string] | null {
	const parts = (text(ds, 'x00200020') ?? '').split('\\').map((p) => p.trim().toUpperCase());
	// Only the letters of PS3.3 C.7.6.1.1.1; anything else is not an orientation the viewer may show.
	if (parts.length !== 2 || !parts.every((p) => /^[LRAPHF]{1,3}$/.test(p))) return null;
	return [parts[0]!, parts[1]!];
}
