import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

interface CodecContext {
	getDecodedBuffer(): Uint8Array;
}

interface DcmjsCodecs {
	Context: new (attrs: {
		width: number;
		height: number;
		bitsAllocated: number;
		bitsStored: number;
		samplesPerPixel: number;
		pixelRepresentation: number;
		planarConfiguration: number;
		photometricInterpretation: string;
		encodedBuffer: Uint8Array;
	}) => CodecContext;
	NativeCodecs: {
		initializeAsync(opts: {
			webAssemblyModulePathOrUrl: string;
			logCodecsInfo: boolean;
			logCodecsTrace: boolean;
		}): Promise<void>;
		decodeJpeg(context: CodecContext, parameters?: { convertColorspaceToRgb?: boolean }): CodecContext;
	};
}

let codecs: Promise<DcmjsCodecs> | undefined;

/** Loads dcmjs-codecs' WASM build of libjpeg once per process (the first 12-bit image pays for the compile). */
function loadCodecs(): Promise<DcmjsCodecs> {
	codecs ??= (async () => {
		const main = require.resolve('dcmjs-codecs');
		const lib = require(main) as DcmjsCodecs;
		await lib.NativeCodecs.initializeAsync({
			webAssemblyModulePathOrUrl: path.join(path.dirname(main), 'dcmjs-native-codecs.wasm'),
			logCodecsInfo: false,
			logCodecsTrace: false,
		});
		return lib;
	})();
	return codecs;
}

export interface JpegExtendedFrame {
	readonly rows: number;
	readonly columns: number;
	readonly bitsStored: number;
	readonly signed: boolean;
}

/**
 * Decodes a greyscale JPEG extended (process 2 & 4) frame with 12-bit samples. libjpeg-turbo's 8-bit
 * build cannot; dcmjs-codecs ships libjpeg compiled for 12-bit precision. Returns 16-bit little-endian samples.
 */
export async function decodeJpegExtended(encoded: Uint8Array, frame: JpegExtendedFrame): Promise<Uint8Array> {
	const lib = await loadCodecs();
	const context = new lib.Context({
		width: frame.columns,
		height: frame.rows,
		bitsAllocated: 16,
		bitsStored: frame.bitsStored,
		samplesPerPixel: 1,
		pixelRepresentation: frame.signed ? 1 : 0,
		planarConfiguration: 0,
		photometricInterpretation: 'MONOCHROME2',
		encodedBuffer: encoded,
	});
	return lib.NativeCodecs.decodeJpeg(context).getDecodedBuffer().slice();
}
