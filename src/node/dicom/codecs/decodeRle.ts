import { DicomReadError } from '../DicomErrors.js';
import { PixelDataMismatchError } from '../PixelDataMismatchError.js';

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Runs shorter than this are copied by a loop; a typed-array call costs more than a few bytes. */
const shortRun = 16;

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
	// A plain view: the input is often a Buffer, whose subarray and element reads are slower.
	const bytes = new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength);
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
	const stride = samplesPerPixel * bytesPerSample;
	// Each segment decodes into a plane of its own (runs become fill and copy), then goes to its byte lane.
	const planes = stride === 1 ? [out] : Array.from({ length: segments }, () => new Uint8Array(pixelCount));
	for (let s = 0; s < segments; s++) {
		const start = view.getUint32(4 + 4 * s, true);
		const end = Math.min(
			s + 1 < segments ? view.getUint32(8 + 4 * s, true) : encoded.byteLength,
			encoded.byteLength,
		);
		decodeSegment(bytes, start, end, planes[s]!, pixelCount, s);
	}
	if (stride === 1) return out;
	if (stride === 2 && littleEndian) {
		const [high, low] = planes as [Uint8Array, Uint8Array];
		const words = new Uint16Array(out.buffer, 0, pixelCount);
		for (let p = 0; p < pixelCount; p++) words[p] = (high[p]! << 8) | low[p]!;
		return out;
	}
	for (let s = 0; s < segments; s++) {
		// Segment order is most significant byte first; output is little endian.
		const sample = Math.floor(s / bytesPerSample);
		const lane = sample * bytesPerSample + bytesPerSample - 1 - (s % bytesPerSample);
		const plane = planes[s]!;
		for (let p = 0, o = lane; p < pixelCount; p++, o += stride) out[o] = plane[p]!;
	}
	return out;
}

/**
 * One PackBits segment, `encoded[start, end)`, into `plane[0, pixelCount)`. A header n of 0..127 copies the
 * next n + 1 bytes, -1..-127 repeats the next byte 1 - n times, -128 does nothing. Bounds are checked once
 * per run: a run may not read past its segment (then the segment holds too few pixels) nor leave more than
 * one pad byte unread (too many).
 */
function decodeSegment(
	encoded: Uint8Array,
	start: number,
	end: number,
	plane: Uint8Array,
	pixelCount: number,
	segment: number,
): void {
	let i = start;
	let written = 0;
	while (i < end && written < pixelCount) {
		const n = encoded[i++]!;
		if (n < 128) {
			const count = Math.min(n + 1, end - i, pixelCount - written);
			if (count < shortRun) for (let k = 0; k < count; k++) plane[written + k] = encoded[i + k]!;
			else plane.set(encoded.subarray(i, i + count), written);
			i += count;
			written += count;
		} else if (n > 128) {
			if (i >= end) break; // a repeat run without its byte: the segment is cut short
			const b = encoded[i++]!;
			const count = Math.min(257 - n, pixelCount - written);
			if (count < shortRun) for (let k = 0; k < count; k++) plane[written + k] = b;
			else plane.fill(b, written, written + count);
			written += count;
		}
	}
	// A segment ends with its last pixel; one pad byte keeps it even. Anything else means another size.
	if (written < pixelCount || end - i > 1)
		throw new PixelDataMismatchError(
			`RLE segment ${segment + 1} holds ${written < pixelCount ? 'fewer' : 'more'} pixels than Rows × Columns ` +
				`(${pixelCount}) in the header.`,
		);
}
