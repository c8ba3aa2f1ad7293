import { DicomReadError } from '../dicom/DicomErrors.js';
import { decodeDicomBytes } from '../dicom/decodeDicom.js';

/**
 * Decodes every frame once, the way the viewer and the models will, and returns why the pixels cannot be
 * shown (the header disagrees with the data, or the data does not decode), or null when they can.
 */
export async function pixelProblem(bytes: Uint8Array): Promise<string | null> {
	try {
		const first = await decodeDicomBytes(bytes, 0);
		for (let f = 1; f < (first.numberOfFrames ?? 1); f++) await decodeDicomBytes(bytes, f);
		return null;
	} catch (err) {
		if (err instanceof DicomReadError) return err.message;
		return `The pixel data could not be decoded (${err instanceof Error ? err.message : String(err)}).`;
	}
}
