import { Decoder } from 'jpeg-lossless-decoder-js';
import { decodeLosslessGray } from './decodeLosslessGray.js';

/**
 * JPEG lossless (process 14, any predictor); samples in native byte order. Greyscale images take the
 * fast path written for radiographs; everything else (colour, unusual layouts) jpeg-lossless-decoder-js.
 */
export function decodeJpegLossless(encoded: Uint8Array, bitsAllocated: number): Uint8Array {
	const fast = decodeLosslessGray(encoded);
	if (fast) {
		if (bitsAllocated > 8) return new Uint8Array(fast.samples.buffer);
		return Uint8Array.from(fast.samples);
	}
	const decoder = new Decoder();
	const numBytes = bitsAllocated <= 8 ? 1 : 2;
	const out = decoder.decode(
		encoded.buffer as ArrayBuffer,
		encoded.byteOffset,
		encoded.byteLength,
		numBytes,
	) as unknown as ArrayBufferView;
	return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
