import type { DecodedImage } from '../domain/DecodedImage.js';
import type { Preprocessing } from '../models/ModelManifest.js';

/** A model input: channel-first float32 [channels, size, size]. */
export interface ImageTensor {
	readonly data: Float32Array;
	readonly channels: number;
	readonly size: number;
}

export class EmptyImage extends Error {
	override readonly name = 'EmptyImage';
}

/**
 * Grayscale 0..255 (float, not quantized) from the stored values: RGB to luma (ITU-R 601), min-max over
 * the frame's own values, MONOCHROME1 inverted when the manifest says so.
 */
export function toGray255(image: DecodedImage, invertMonochrome1: boolean, uint8 = false): Float32Array {
	const n = image.rows * image.columns;
	if (!n) throw new EmptyImage('the image has no pixels');
	const gray = new Float32Array(n);
	const px = image.pixels;
	if (image.samplesPerPixel === 3) {
		for (let i = 0; i < n; i++) gray[i] = 0.299 * px[3 * i]! + 0.587 * px[3 * i + 1]! + 0.114 * px[3 * i + 2]!;
	} else {
		for (let i = 0; i < n; i++) gray[i] = px[i]!;
	}
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < n; i++) {
		const v = gray[i]!;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	const scale = hi > lo ? 255 / (hi - lo) : 0;
	const invert = invertMonochrome1 && image.photometricInterpretation === 'MONOCHROME1';
	for (let i = 0; i < n; i++) {
		const v = (gray[i]! - lo) * scale;
		const g = invert ? 255 - v : v;
		gray[i] = uint8 ? Math.trunc(g) : g;
	}
	return gray;
}

/** Output size when the short side becomes `short` (torchvision's rule: the long side is truncated). */
export function shortSideSize(rows: number, columns: number, short: number): { rows: number; columns: number } {
	return rows <= columns
		? { rows: short, columns: Math.trunc((short * columns) / rows) }
		: { rows: Math.trunc((short * rows) / columns), columns: short };
}

/**
 * 1-D resampling weights of bilinear interpolation with antialiasing (a triangle filter widened by the
 * downscale factor, half-pixel centres): the same arithmetic as torch's interpolate(mode='bilinear',
 * antialias=True, align_corners=False) and PIL's BILINEAR resize.
 */
function resampleWeights(
	inSize: number,
	outSize: number,
): { start: Int32Array; count: Int32Array; weights: Float32Array; taps: number } {
	const scale = inSize / outSize;
	const support = scale > 1 ? scale : 1;
	const taps = Math.ceil(support) * 2 + 1;
	const start = new Int32Array(outSize);
	const count = new Int32Array(outSize);
	const weights = new Float32Array(outSize * taps);
	for (let i = 0; i < outSize; i++) {
		const center = scale * (i + 0.5);
		const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
		const xmax = Math.min(Math.trunc(center + support + 0.5), inSize);
		let total = 0;
		for (let j = xmin; j < xmax; j++) {
			const w = Math.max(0, 1 - Math.abs((j - center + 0.5) / support));
			weights[i * taps + j - xmin] = w;
			total += w;
		}
		if (total > 0) for (let j = 0; j < xmax - xmin; j++) weights[i * taps + j] = weights[i * taps + j]! / total;
		start[i] = xmin;
		count[i] = xmax - xmin;
	}
	return { start, count, weights, taps };
}

/** Separable antialiased bilinear resize of a single-channel row-major image. */
export function resizeBilinear(
	src: Float32Array,
	rows: number,
	columns: number,
	outRows: number,
	outColumns: number,
): Float32Array {
	const wx = resampleWeights(columns, outColumns);
	const wy = resampleWeights(rows, outRows);
	const tmp = new Float32Array(rows * outColumns);
	for (let y = 0; y < rows; y++) {
		const row = y * columns;
		for (let x = 0; x < outColumns; x++) {
			let s = 0;
			const st = wx.start[x]!;
			const base = x * wx.taps;
			for (let k = 0; k < wx.count[x]!; k++) s += src[row + st + k]! * wx.weights[base + k]!;
			tmp[y * outColumns + x] = s;
		}
	}
	const out = new Float32Array(outRows * outColumns);
	for (let y = 0; y < outRows; y++) {
		const st = wy.start[y]!;
		const base = y * wy.taps;
		for (let x = 0; x < outColumns; x++) {
			let s = 0;
			for (let k = 0; k < wy.count[y]!; k++) s += tmp[(st + k) * outColumns + x]! * wy.weights[base + k]!;
			out[y * outColumns + x] = s;
		}
	}
	return out;
}

/** Python's round(): halves go to the even neighbour (torchvision's centre crop uses it). */
function roundHalfEven(x: number): number {
	const r = Math.round(x);
	return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** A decoded frame as the model's input tensor, following the manifest's preprocessing exactly. */
export function preprocessImage(image: DecodedImage, p: Preprocessing): ImageTensor {
	const gray = toGray255(image, p.invertMonochrome1, p.uint8);
	const { rows, columns } = shortSideSize(image.rows, image.columns, p.resizeShortSide);
	const resized = resizeBilinear(gray, image.rows, image.columns, rows, columns);
	if (p.uint8)
		for (let i = 0; i < resized.length; i++) resized[i] = Math.min(255, Math.max(0, Math.round(resized[i]!)));
	const size = p.centerCrop;
	const top = roundHalfEven((rows - size) / 2);
	const left = roundHalfEven((columns - size) / 2);
	const [lo, hi] = p.valueRange;
	const data = new Float32Array(p.channels * size * size);
	for (let c = 0; c < p.channels; c++) {
		const mean = p.mean?.[c] ?? 0;
		const std = p.std?.[c] ?? 1;
		const plane = c * size * size;
		for (let y = 0; y < size; y++) {
			const sy = y + top;
			for (let x = 0; x < size; x++) {
				const sx = x + left;
				// Outside the resized image (a crop larger than it) is zero-padded, as torchvision pads.
				const v = sy >= 0 && sy < rows && sx >= 0 && sx < columns ? resized[sy * columns + sx]! : 0;
				data[plane + y * size + x] = ((v / 255) * (hi - lo) + lo - mean) / std;
			}
		}
	}
	return { data, channels: p.channels, size };
}
