import { decodeDicomBytes } from '../dicom/decodeDicom.js';

/**
 * Whether two files of one SOP Instance decode to the same image, frame by frame: a copy transcoded without
 * loss (JPEG lossless, RLE, another byte order) is the same image; any other difference is another image.
 */
export async function samePixels(a: Uint8Array, b: Uint8Array): Promise<boolean> {
	const first = await decodeDicomBytes(a, 0);
	const second = await decodeDicomBytes(b, 0);
	const frames = first.numberOfFrames ?? 1;
	if ((second.numberOfFrames ?? 1) !== frames) return false;
	for (let f = 0; ;) {
		const x = f === 0 ? first : await decodeDicomBytes(a, f);
		const y = f === 0 ? second : await decodeDicomBytes(b, f);
		const sameShape = x.rows === y.rows && x.columns === y.columns && x.samplesPerPixel === y.samplesPerPixel;
		// MONOCHROME1 shows the same values inverted; a colour image may be decoded from YBR to RGB.
		const mono = [x, y].some((im) => im.photometricInterpretation.startsWith('MONOCHROME'));
		if (mono && x.photometricInterpretation !== y.photometricInterpretation) return false;
		if (!sameShape || x.pixels.length !== y.pixels.length) return false;
		for (let i = 0; i < x.pixels.length; i++) if (x.pixels[i] !== y.pixels[i]) return false;
		if (++f >= frames) return true;
	}
}
