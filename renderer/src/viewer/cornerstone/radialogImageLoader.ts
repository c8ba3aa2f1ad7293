import * as cornerstone from 'cornerstone-core';
import type { CornerstoneImage } from 'cornerstone-core';
import type { FrameMeta } from '../../../../src/common/api/studiesContract.js';

/** Fetches one decoded frame from the backend (the `image.frame` call). */
export type FrameSource = (instanceId: number, frame: number) => Promise<{ meta: FrameMeta; bytes: Uint8Array }>;

let source: FrameSource | null = null;
let registered = false;
/** What each image id names: ids are opaque keys for cornerstone's cache, never parsed back. */
const frames = new Map<string, { readonly instanceId: number; readonly frame: number }>();

/** The metadata of each instance's frames as they arrive: cornerstone's cache outlives the viewer that loaded them. */
const metas = new Map<number, FrameMeta>();

export function frameMetaOf(instanceId: number): FrameMeta | undefined {
	return metas.get(instanceId);
}

export function imageIdFor(instanceId: number, frame = 0): string {
	const id = `radialog:${instanceId}:${frame}`;
	frames.set(id, { instanceId, frame });
	return id;
}

/**
 * Registers the `radialog:` scheme: pixels decoded by the workstation's one DICOM decoder arrive as
 * typed-array bytes and become a cornerstone image. Cornerstone applies the window itself.
 */
export function useFrameSource(next: FrameSource): void {
	source = next;
	if (registered) return;
	registered = true;
	cornerstone.registerImageLoader('radialog', (imageId) => {
		const named = frames.get(imageId);
		if (!source) return { promise: Promise.reject(new Error('No frame source.')) };
		if (!named) return { promise: Promise.reject(new Error(`Unknown image ${imageId}.`)) };
		return {
			promise: source(named.instanceId, named.frame).then(({ meta, bytes }) => {
				metas.set(named.instanceId, meta);
				return toCornerstoneImage(imageId, meta, bytes);
			}),
		};
	});
}

function typed(meta: FrameMeta, bytes: Uint8Array): ArrayLike<number> {
	// Copy into an aligned buffer: the bytes may start anywhere inside a larger response buffer.
	const buf = bytes.byteOffset % 4 === 0 ? bytes.buffer : bytes.slice().buffer;
	const off = bytes.byteOffset % 4 === 0 ? bytes.byteOffset : 0;
	const n = (size: number) => bytes.byteLength / size;
	switch (meta.dataType) {
		case 'uint8':
			return new Uint8Array(buf, off, n(1));
		case 'int8':
			return new Int8Array(buf, off, n(1));
		case 'uint16':
			return new Uint16Array(buf, off, n(2));
		case 'int16':
			return new Int16Array(buf, off, n(2));
		case 'int32':
			return new Int32Array(buf, off, n(4));
		case 'float32':
			return new Float32Array(buf, off, n(4));
	}
}

export function toCornerstoneImage(imageId: string, meta: FrameMeta, bytes: Uint8Array): CornerstoneImage {
	let values = typed(meta, bytes);
	let { minValue: min, maxValue: max } = meta;
	let slope = 1;
	let intercept = 0;
	const color = meta.samplesPerPixel === 3;
	if (color) {
		// Cornerstone draws colour from RGBA.
		const rgba = new Uint8Array(meta.rows * meta.columns * 4);
		for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
			rgba[i] = values[j]!;
			rgba[i + 1] = values[j + 1]!;
			rgba[i + 2] = values[j + 2]!;
			rgba[i + 3] = 255;
		}
		values = rgba;
		min = 0;
		max = 255;
	} else if (meta.dataType === 'float32') {
		// Cornerstone's lookup table needs integer stored values: undo the rescale and let it redo it.
		slope = meta.rescaleSlope;
		intercept = meta.rescaleIntercept;
		const stored = new Int32Array(values.length);
		for (let i = 0; i < stored.length; i++) stored[i] = Math.round((values[i]! - intercept) / slope);
		values = stored;
		min = Math.round((meta.minValue - intercept) / slope);
		max = Math.round((meta.maxValue - intercept) / slope);
		if (min > max) [min, max] = [max, min];
	}
	const pixels = values;
	const image: CornerstoneImage = {
		imageId,
		minPixelValue: min,
		maxPixelValue: max,
		slope,
		intercept,
		windowCenter: meta.windowCenter ?? (meta.minValue + meta.maxValue) / 2,
		windowWidth:
			meta.windowWidth && meta.windowWidth > 0 ? meta.windowWidth : Math.max(1, meta.maxValue - meta.minValue),
		getPixelData: () => pixels,
		rows: meta.rows,
		columns: meta.columns,
		height: meta.rows,
		width: meta.columns,
		color,
		rgba: false,
		invert: meta.photometricInterpretation === 'MONOCHROME1',
		sizeInBytes: bytes.byteLength,
	};
	if (meta.pixelSpacing) {
		image.rowPixelSpacing = meta.pixelSpacing[0];
		image.columnPixelSpacing = meta.pixelSpacing[1];
	}
	if (meta.voiLut)
		image.voiLUT = {
			firstValueMapped: meta.voiLut.firstValueMapped,
			numBitsPerEntry: meta.voiLut.bitsPerEntry,
			lut: meta.voiLut.data,
		};
	return image;
}
