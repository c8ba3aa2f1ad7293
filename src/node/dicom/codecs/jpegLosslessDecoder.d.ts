// The package ships no type declarations; this is the part the decoder uses.
declare module 'jpeg-lossless-decoder-js' {
	export class Decoder {
		decode(buffer: ArrayBuffer, offset?: number, length?: number, numBytes?: number): Uint8Array | Uint16Array;
	}
}
