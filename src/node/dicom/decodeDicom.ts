import fs from 'node:fs/promises';
import { readImagePlane } from './imagePlane.js';
import type { DecodedImage, VoiLut } from '../../common/domain/DecodedImage.js';
import { DicomReadError } from './DicomErrors.js';
import { parseDicomBytes, type DicomDataSet } from './parseDicomBytes.js';
import { transferSyntaxOf } from './transferSyntaxes.js';
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
	const bitsStored = Math.min(ds.uint16('x00280101') ?? bitsAllocated, bitsAllocated);
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
	try {
		switch (ts.encoding) {
			case 'native':
			case 'native-big-endian': {
				const is422 = photometric === 'YBR_FULL_422' && pm.samplesPerPixel === 3 && pm.bitsAllocated === 8;
				const frameBytes = is422 ? pixelCount * 2 : pixelCount * pm.samplesPerPixel * (pm.bitsAllocated / 8);
				sampleBytes = nativeFrameBytes(ds, frame, frameBytes);
				if (is422) {
					sampleBytes = ybr422ToYbrFull(sampleBytes, pixelCount);
					photometric = 'YBR_FULL';
					planar = false;
				}
				break;
			}
			case 'rle':
				sampleBytes = decodeRle(
					encapsulatedFrameBytes(ds, frame, pm.frames, false),
					pixelCount,
					pm.samplesPerPixel,
					pm.bitsAllocated,
				);
				planar = false;
				break;
			case 'jpeg-lossless':
				sampleBytes = decodeJpegLossless(encapsulatedFrameBytes(ds, frame, pm.frames, true), pm.bitsAllocated);
				planar = false;
				break;
			case 'jpeg-baseline': {
				if (pm.bitsStored > 8) {
					if (pm.samplesPerPixel !== 1 || pm.bitsStored > 12)
						throw new DicomReadError('unsupported_syntax', twelveBitOnly(pm));
					sampleBytes = await decodeJpegExtended(encapsulatedFrameBytes(ds, frame, pm.frames, true), {
						rows: pm.rows,
						columns: pm.columns,
						bitsStored: pm.bitsStored,
						signed: pm.signed,
					});
					planar = false;
					break;
				}
				const d = await decodeJpegBaseline(encapsulatedFrameBytes(ds, frame, pm.frames, true));
				sampleBytes = d.bytes;
				// libjpeg-turbo returns RGB for colour JPEGs whatever the header's YBR label says.
				if (d.componentCount === 3) photometric = 'RGB';
				planar = false;
				break;
			}
			case 'jpeg-ls': {
				sampleBytes = (await decodeJpegLs(encapsulatedFrameBytes(ds, frame, pm.frames, false))).bytes;
				planar = false;
				break;
			}
			case 'jpeg-2000': {
				sampleBytes = (await decodeJpeg2000(encapsulatedFrameBytes(ds, frame, pm.frames, false))).bytes;
				if (pm.samplesPerPixel === 3) photometric = 'RGB';
				planar = false;
				break;
			}
		}
	} catch (err) {
		if (err instanceof DicomReadError) throw err;
		throw new DicomReadError(
			'decode_failed',
			`The ${ts.name} pixel data could not be decoded (${String((err as Error)?.message ?? err)}).`,
		);
	}
	const expected = pixelCount * pm.samplesPerPixel * (pm.bitsAllocated / 8);
	if (
		ts.encoding !== 'native' &&
		ts.encoding !== 'native-big-endian' &&
		sampleBytes.length < expected &&
		!(pm.bitsAllocated === 16 && sampleBytes.length === expected / 2)
	) {
		throw new DicomReadError(
			'decode_failed',
			`The decoded ${ts.name} frame has ${sampleBytes.length} bytes; the header promises ${expected}.`,
		);
	}
	// A codec may return 8-bit samples for data stored in 16 bits with 8 bits stored.
	const codecLayout =
		pm.bitsAllocated === 16 && sampleBytes.length === expected / 2 ? { ...layout, bitsAllocated: 8 } : layout;
	if (pm.samplesPerPixel === 3)
		return colourImage(ds, pm, sampleBytes.subarray(0, pixelCount * 3), photometric, planar);
	const native = ts.encoding === 'native' || ts.encoding === 'native-big-endian';
	const stored = samplesFromBytes(
		sampleBytes.subarray(0, pixelCount * (codecLayout.bitsAllocated / 8)),
		codecLayout,
		!native,
	);
	// Bits above Bits Stored hold overlays or garbage only in native data; codecs return clean samples.
	if (native || codecLayout.signed) normaliseStoredBits(stored, codecLayout);
	const slope = ds.floatString('x00281053') || 1;
	const intercept = ds.floatString('x00281052') || 0;
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
	if (ts.encoding === 'native' || ts.encoding === 'native-big-endian') {
		const is422 = pm.photometric === 'YBR_FULL_422' && pm.samplesPerPixel === 3 && pm.bitsAllocated === 8;
		const frameBytes = pm.rows * pm.columns * (is422 ? 2 : pm.samplesPerPixel * (pm.bitsAllocated / 8));
		nativeFrameBytes(ds, pm.frames - 1, frameBytes);
	} else if (!ds.elements.x7fe00010!.fragments?.length) {
		throw new DicomReadError('no_pixel_data', 'The compressed pixel data has no fragments.');
	} else if (
		ts.encoding === 'jpeg-baseline' &&
		pm.bitsStored > 8 &&
		(pm.samplesPerPixel !== 1 || pm.bitsStored > 12)
	) {
		throw new DicomReadError('unsupported_syntax', twelveBitOnly(pm));
	}
}

function twelveBitOnly(pm: PixelModule): string {
	const samples = pm.samplesPerPixel === 1 ? 'greyscale' : 'colour';
	return (
		`JPEG with ${pm.bitsStored}-bit ${samples} samples is not supported; ` +
		'only 8-bit, or 12-bit greyscale (extended process 4).'
	);
}
