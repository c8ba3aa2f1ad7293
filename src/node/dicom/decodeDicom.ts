import fs from 'node:fs/promises';
import { readImagePlane } from './imagePlane.js';
import type { DecodedImage, VoiLut } from '../../common/domain/DecodedImage.js';
import { DicomReadError } from './DicomErrors.js';
import { parseDicomBytes, type DicomDataSet } from './parseDicomBytes.js';
import { transferSyntaxOf, type PixelEncoding } from './transferSyntaxes.js';
import { encapsulatedFrameBytes, nativeFrameBytes } from './framePixelBytes.js';
import { decodeJpeg2000, decodeJpegBaseline, decodeJpegLs } from './codecs/wasmCodecs.js';
import { decodeJpegLossless } from './codecs/decodeJpegLossless.js';
import { decodeJpegExtended } from './codecs/decodeJpegExtended.js';
import { decodeRle } from './codecs/decodeRle.js';
import {
	applyModalityRescale,
	minMax,
	normaliseStoredBits,
	samplesFromBytes,
	type SampleLayout,
} from './storedValues.js';
import { checkCodestream, checkFrameCount, checkNativeLength, checkPrecision, modalityRescale } from './pixelSanity.js';
import { PixelDataMismatchError } from './PixelDataMismatchError.js';
import { planarToInterleaved, ybr422ToYbrFull, ybrFullToRgb } from './colour.js';

/** Larger than any radiograph detector (43 cm at 50 µm is 8600 px); beyond it a file is damaged, not big. */
const maxSide = 16384;

/** Decodes one frame of a DICOM file on disk. The single decoder for the viewer and the models. */
export async function decodeDicomFile(file: string, frame = 0): Promise<DecodedImage> {
	return decodeDicomBytes(await fs.readFile(file), frame);
}

/** Decodes one frame (0-based) of DICOM Part 10 bytes into stored values after the modality LUT. */
export async function decodeDicomBytes(bytes: Uint8Array, frame = 0): Promise<DecodedImage> {
	return decodeDataSetFrame(parseDicomBytes(bytes), frame);
}

interface PixelModule {
	rows: number;
	columns: number;
	samplesPerPixel: 1 | 3;
	bitsAllocated: number;
	bitsStored: number;
	signed: boolean;
	photometric: string;
	planar: boolean;
	frames: number;
}

function pixelModule(ds: DicomDataSet): PixelModule {
	if (!ds.elements.x7fe00010)
		throw new DicomReadError(
			'no_pixel_data',
			'The file has no pixel data (not an image, or an image without pixels).',
		);
	const rows = ds.uint16('x00280010') ?? 0;
	const columns = ds.uint16('x00280011') ?? 0;
	const spp = ds.uint16('x00280002') ?? 1;
	const bitsAllocated = ds.uint16('x00280100') ?? 0;
	const frames = Math.max(1, ds.intString('x00280008') || 1);
	if (!(rows > 0 && columns > 0 && rows <= maxSide && columns <= maxSide)) {
		throw new DicomReadError(
			'bad_dimensions',
			`Image dimensions ${rows} × ${columns} are not plausible (1..${maxSide} pixels per side).`,
		);
	}
	if (spp !== 1 && spp !== 3)
		throw new DicomReadError('bad_dimensions', `Samples per pixel ${spp} is not supported (1 or 3).`);
	if (![8, 16, 32].includes(bitsAllocated))
		throw new DicomReadError('bad_dimensions', `Bits allocated ${bitsAllocated} is not supported (8, 16 or 32).`);
	checkPrecision(bitsAllocated, ds.uint16('x00280101'), ds.uint16('x00280102'));
	const bitsStored = ds.uint16('x00280101') ?? bitsAllocated;
	const photometric = (ds.string('x00280004') ?? (spp === 3 ? 'RGB' : 'MONOCHROME2')).trim();
	if (photometric === 'PALETTE COLOR')
		throw new DicomReadError('unsupported_syntax', 'Palette colour images are not supported.');
	return {
		rows,
		columns,
		samplesPerPixel: spp,
		bitsAllocated,
		bitsStored,
		signed: ds.uint16('x00280103') === 1,
		photometric,
		planar: ds.uint16('x00280006') === 1,
		frames,
	};
}

export async function decodeDataSetFrame(ds: DicomDataSet, frame: number): Promise<DecodedImage> {
	const tsUid = (ds.string('x00020010') ?? '1.2.840.10008.1.2').replace(/\0/g, '').trim();
	const ts = transferSyntaxOf(tsUid);
	if (!ts) throw new DicomReadError('unsupported_syntax', `Transfer syntax ${tsUid} is not supported.`);
	const pm = pixelModule(ds);
	if (!Number.isInteger(frame) || frame < 0 || frame >= pm.frames)
		throw new DicomReadError('bad_frame', `Frame ${frame + 1} does not exist (the image has ${pm.frames}).`);
	const pixelCount = pm.rows * pm.columns;
	const layout: SampleLayout = {
		bitsAllocated: pm.bitsAllocated,
		bitsStored: pm.bitsStored,
		signed: pm.signed,
		bigEndian: ts.encoding === 'native-big-endian',
	};
	let sampleBytes: Uint8Array;
	let photometric = pm.photometric;
	let planar = pm.planar;
	const native = ts.encoding === 'native' || ts.encoding === 'native-big-endian';
	const rescale = pm.samplesPerPixel === 1 ? modalityRescale(ds) : { slope: 1, intercept: 0 };
	if (native) checkNativeLength(ds, pm.frames, nativeBytesPerFrame(pm));
	else {
		checkEncapsulated(ds, ts.name);
		checkFrameCount(ds, pm.frames);
	}
	const encoded = native ? null : encapsulatedFrameBytes(ds, frame, pm.frames, ts.encoding.startsWith('jpeg'));
	if (encoded) checkCodestream(ts, encoded, pm);
	try {
		if (!encoded) {
			sampleBytes = nativeFrameBytes(ds, frame, nativeBytesPerFrame(pm));
			if (isYbr422(pm)) {
				sampleBytes = ybr422ToYbrFull(sampleBytes, pixelCount);
				photometric = 'YBR_FULL';
				planar = false;
			}
		} else {
			const d = await decodeFrame(ts.encoding, encoded, pm);
			sampleBytes = d.bytes;
			if (d.rgb) photometric = 'RGB';
			planar = false;
		}
	} catch (err) {
		if (err instanceof DicomReadError) throw err;
		throw new DicomReadError(
			'decode_failed',
			`The ${ts.name} pixel data could not be decoded (${String((err as Error)?.message ?? err)}).`,
		);
	}
	const expected = pixelCount * pm.samplesPerPixel * (pm.bitsAllocated / 8);
	const eightInSixteen = pm.bitsAllocated === 16 && sampleBytes.length === expected / 2;
	if (!native && sampleBytes.length !== expected && !eightInSixteen) {
		throw new PixelDataMismatchError(
			`The decoded ${ts.name} frame has ${sampleBytes.length} bytes; Rows × Columns × Samples × Bits ` +
				`Allocated in the header make ${expected}.`,
		);
	}
	// A codec may return 8-bit samples for data stored in 16 bits with 8 bits stored.
	const codecLayout = eightInSixteen ? { ...layout, bitsAllocated: 8 } : layout;
	if (pm.samplesPerPixel === 3)
		return colourImage(ds, pm, sampleBytes.subarray(0, pixelCount * 3), photometric, planar);
	const stored = samplesFromBytes(
		sampleBytes.subarray(0, pixelCount * (codecLayout.bitsAllocated / 8)),
		codecLayout,
		!native,
	);
	// Bits above Bits Stored hold overlays or garbage only in native data; codecs return clean samples.
	if (native || codecLayout.signed) normaliseStoredBits(stored, codecLayout);
	const { slope, intercept } = rescale;
	const pixels = applyModalityRescale(stored, slope, intercept);
	const { min, max } = minMax(pixels);
	return {
		rows: pm.rows,
		columns: pm.columns,
		samplesPerPixel: 1,
		photometricInterpretation: photometric,
		pixels: pixels instanceof Int8Array ? Int16Array.from(pixels) : pixels,
		minValue: min,
		maxValue: max,
		windowCenter: ds.floatString('x00281050') ?? null,
		windowWidth: ds.floatString('x00281051') ?? null,
		rescaleSlope: slope,
		rescaleIntercept: intercept,
		...readImagePlane(ds),
		voiLut: voiLut(ds),
		numberOfFrames: pm.frames,
	};
}

function colourImage(
	ds: DicomDataSet,
	pm: PixelModule,
	bytes: Uint8Array,
	photometric: string,
	planar: boolean,
): DecodedImage {
	if (pm.bitsAllocated !== 8)
		throw new DicomReadError(
			'unsupported_syntax',
			`Colour images with ${pm.bitsAllocated}-bit samples are not supported.`,
		);
	const pixelCount = pm.rows * pm.columns;
	const px = planar ? planarToInterleaved(bytes, pixelCount) : new Uint8Array(bytes);
	if (photometric === 'YBR_FULL' || photometric === 'YBR_FULL_422') ybrFullToRgb(px);
	const { min, max } = minMax(px);
	return {
		rows: pm.rows,
		columns: pm.columns,
		samplesPerPixel: 3,
		photometricInterpretation: 'RGB',
		pixels: px,
		minValue: min,
		maxValue: max,
		windowCenter: null,
		windowWidth: null,
		rescaleSlope: 1,
		rescaleIntercept: 0,
		...readImagePlane(ds),
		voiLut: null,
		numberOfFrames: pm.frames,
	};
}

function voiLut(ds: DicomDataSet): VoiLut | null {
	const item = ds.elements.x00283010?.items?.[0]?.dataSet;
	const data = item?.elements.x00283006;
	if (!item || !data) return null;
	const count = item.uint16('x00283002', 0) || 65536;
	const first = item.uint16('x00283002', 1) ?? 0;
	const bits = item.uint16('x00283002', 2) ?? 16;
	const values: number[] = [];
	const eight = data.length === count;
	for (let i = 0; i < count && (eight ? i : i * 2) < data.length; i++)
		values.push(eight ? item.byteArray[data.dataOffset + i]! : item.uint16('x00283006', i)!);
	return { firstValueMapped: first, bitsPerEntry: bits, data: values };
}

/**
 * The checks an import makes without decoding: supported syntax, plausible dimensions, pixel data
 * present and (for native data) long enough for every frame. Throws DicomReadError.
 */
export function checkDicomImage(ds: DicomDataSet): void {
	const tsUid = (ds.string('x00020010') ?? '1.2.840.10008.1.2').replace(/\0/g, '').trim();
	const ts = transferSyntaxOf(tsUid);
	if (!ts) throw new DicomReadError('unsupported_syntax', `Transfer syntax ${tsUid} is not supported.`);
	const pm = pixelModule(ds);
	if (pm.samplesPerPixel === 1) modalityRescale(ds);
	if (ts.encoding === 'native' || ts.encoding === 'native-big-endian') {
		checkNativeLength(ds, pm.frames, nativeBytesPerFrame(pm));
		nativeFrameBytes(ds, pm.frames - 1, nativeBytesPerFrame(pm));
		return;
	}
	checkEncapsulated(ds, ts.name);
	if (ts.encoding === 'jpeg-baseline' && pm.bitsStored > 8 && (pm.samplesPerPixel !== 1 || pm.bitsStored > 12))
		throw new DicomReadError('unsupported_syntax', twelveBitOnly(pm));
	checkFrameCount(ds, pm.frames);
}

/** Compressed syntaxes need encapsulated pixel data (fragments), not native pixels under a new label. */
function checkEncapsulated(ds: DicomDataSet, syntax: string): void {
	const el = ds.elements.x7fe00010!;
	if (!el.encapsulatedPixelData && !el.hadUndefinedLength)
		throw new PixelDataMismatchError(
			`The file is labelled ${syntax} but its pixel data is uncompressed: the transfer syntax was relabelled.`,
		);
	if (!el.fragments?.length) throw new DicomReadError('no_pixel_data', 'The compressed pixel data has no fragments.');
}

function isYbr422(pm: PixelModule): boolean {
	return pm.photometric === 'YBR_FULL_422' && pm.samplesPerPixel === 3 && pm.bitsAllocated === 8;
}

function nativeBytesPerFrame(pm: PixelModule): number {
	return pm.rows * pm.columns * (isYbr422(pm) ? 2 : pm.samplesPerPixel * (pm.bitsAllocated / 8));
}

/** Runs the codec the transfer syntax names; `rgb` when the codec already turned YBR into RGB. */
async function decodeFrame(
	encoding: PixelEncoding,
	encoded: Uint8Array,
	pm: PixelModule,
): Promise<{ bytes: Uint8Array; rgb: boolean }> {
	const colour = pm.samplesPerPixel === 3;
	switch (encoding) {
		case 'rle':
			return {
				bytes: decodeRle(encoded, pm.rows * pm.columns, pm.samplesPerPixel, pm.bitsAllocated),
				rgb: false,
			};
		case 'jpeg-lossless':
			return { bytes: decodeJpegLossless(encoded, pm.bitsAllocated), rgb: false };
		case 'jpeg-ls':
			return { bytes: (await decodeJpegLs(encoded)).bytes, rgb: false };
		case 'jpeg-2000':
			return { bytes: (await decodeJpeg2000(encoded)).bytes, rgb: colour };
		case 'jpeg-baseline': {
			if (pm.bitsStored <= 8) {
				const d = await decodeJpegBaseline(encoded);
				// libjpeg-turbo returns RGB for colour JPEGs whatever the header's YBR label says.
				return { bytes: d.bytes, rgb: d.componentCount === 3 };
			}
			if (pm.samplesPerPixel !== 1 || pm.bitsStored > 12)
				throw new DicomReadError('unsupported_syntax', twelveBitOnly(pm));
			const bytes = await decodeJpegExtended(encoded, {
				rows: pm.rows,
				columns: pm.columns,
				bitsStored: pm.bitsStored,
				signed: pm.signed,
			});
			return { bytes, rgb: false };
		}
		default:
			throw new DicomReadError('unsupported_syntax', `No codec for ${encoding} pixel data.`);
	}
}

function twelveBitOnly(pm: PixelModule): string {
	const samples = pm.samplesPerPixel === 1 ? 'greyscale' : 'colour';
	return (
		`JPEG with ${pm.bitsStored}-bit ${samples} samples is not supported; ` +
		'only 8-bit, or 12-bit greyscale (extended process 4).'
	);
}
