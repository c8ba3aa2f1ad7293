import { DicomReadError } from '../DicomErrors.js';
import { PixelDataMismatchError } from '../PixelDataMismatchError.js';

/**
 * DICOM RLE Lossless (PS3.5 annex G): a 64-byte header of segment offsets, then one PackBits segment
 * per byte plane, most significant byte first for each sample. Returns interleaved little-endian samples.
 */
export function decodeRle(
	encoded: Uint8Array,
	pixelCount: number,
	samplesPerPixel: number,
	bitsAllocated: number,
): Uint8Array {
	const view = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
	if (encoded.byteLength < 64) throw new DicomReadError('decode_failed', 'RLE frame is shorter than its header.');
	const segments = view.getUint32(0, true);
	const bytesPerSample = bitsAllocated / 8;
	if (segments !== samplesPerPixel * bytesPerSample) {
		throw new DicomReadError(
			'decode_failed',
			`RLE frame has ${segments} segments, expected ${samplesPerPixel * bytesPerSample}.`,
		);
	}
	const out = new Uint8Array(pixelCount * samplesPerPixel * bytesPerSample);
	for (let s = 0; s < segments; s++) {
		const start = view.getUint32(4 + 4 * s, true);
		const end = s + 1 < segments ? view.getUint32(8 + 4 * s, true) : encoded.byteLength;
		const sample = Math.floor(s / bytesPerSample);
		// Segment order is most significant byte first; output is little endian.
		const byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
		const stride = samplesPerPixel * bytesPerSample;
		let o = sample * bytesPerSample + byteInSample;
		let written = 0;
		let i = start;
		while (i < end && written < pixelCount) {
			const n = (encoded[i++]! << 24) >> 24;
			if (n >= 0) {
				for (let k = 0; k <= n && i < end && written < pixelCount; k++) {
					out[o] = encoded[i++]!;
					o += stride;
					written++;
				}
			} else if (n !== -128) {
				const b = encoded[i++]!;
				for (let k = 0; k < 1 - n && written < pixelCount; k++) {
					out[o] = b;
					o += stride;
					written++;
				}
			}
		}
		// A segment ends with its last pixel; one pad byte keeps it even. Anything else means another size.
		if (written < pixelCount || end - i > 1)
			throw new PixelDataMismatchError(
				`RLE segment ${s + 1} holds ${written < pixelCount ? 'fewer' : 'more'} pixels than Rows × Columns ` +
					`(${pixelCount}) in the header.`,
			);
	}
	return out;
}
