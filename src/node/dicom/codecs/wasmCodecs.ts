import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The shape shared by the Cornerstone WASM decoders (libjpeg-turbo, CharLS, OpenJPEG). */
export interface WasmDecoder {
	getEncodedBuffer(length: number): Uint8Array;
	getDecodedBuffer(): Uint8Array;
	decode(): void;
	getFrameInfo(): {
		width: number;
		height: number;
		bitsPerSample: number;
		componentCount: number;
		isSigned?: boolean;
	};
	delete(): void;
}

type Factory = (overrides: {
	print: (s: string) => void;
	printErr: (s: string) => void;
}) => Promise<Record<string, new () => WasmDecoder>>;

const modules = new Map<string, Promise<Record<string, new () => WasmDecoder>>>();

/** Loads a codec's WASM module once per process; the first image pays for the compile, later ones do not. */
async function decoderClass(pkg: string, className: string): Promise<new () => WasmDecoder> {
	let m = modules.get(pkg);
	if (!m) {
		// Codec chatter ([INFO] lines from OpenJPEG) would otherwise land on the user's console.
		m = (require(`${pkg}/decodewasmjs`) as Factory)({ print: () => undefined, printErr: () => undefined });
		modules.set(pkg, m);
	}
	const cls = (await m)[className];
	if (!cls) throw new Error(`${pkg} has no ${className}`);
	return cls;
}

export interface WasmDecoded {
	readonly width: number;
	readonly height: number;
	readonly bitsPerSample: number;
	readonly componentCount: number;
	/** Copied out of WASM memory, so it survives the decoder's deletion. */
	readonly bytes: Uint8Array;
}

async function runDecoder(pkg: string, className: string, encoded: Uint8Array): Promise<WasmDecoded> {
	const Decoder = await decoderClass(pkg, className);
	const decoder = new Decoder();
	try {
		decoder.getEncodedBuffer(encoded.length).set(encoded);
		decoder.decode();
		const info = decoder.getFrameInfo();
		return {
			width: info.width,
			height: info.height,
			bitsPerSample: info.bitsPerSample,
			componentCount: info.componentCount,
			bytes: decoder.getDecodedBuffer().slice(),
		};
	} finally {
		decoder.delete();
	}
}

export const decodeJpegBaseline = (encoded: Uint8Array) =>
	runDecoder('@cornerstonejs/codec-libjpeg-turbo-8bit', 'JPEGDecoder', encoded);
export const decodeJpegLs = (encoded: Uint8Array) =>
	runDecoder('@cornerstonejs/codec-charls', 'JpegLSDecoder', encoded);
export const decodeJpeg2000 = (encoded: Uint8Array) =>
	runDecoder('@cornerstonejs/codec-openjpeg', 'J2KDecoder', encoded);
