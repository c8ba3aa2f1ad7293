import { Decoder } from 'jpeg-lossless-decoder-js';

/** JPEG lossless (process 14, any predictor) through jpeg-lossless-decoder-js; samples in native byte order. */
export function decodeJpegLossless(encoded: Uint8Array, bitsAllocated: number): Uint8Array {
	const decoder = new Decoder();
	const numBytes = bitsAllocated <= 8 ? 1 : 2;
	const out = decoder.decode(encoded.buffer as ArrayBuffer, encoded.byteOffset, encoded.byteLength, numBytes) as unknown as ArrayBufferView;
	return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
