import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DecodedImage } from '../../../src/common/domain/DecodedImage.js';
import { Preprocessing } from '../../../src/common/models/ModelManifest.js';
import { preprocessImage } from '../../../src/common/radialog/preprocess.js';

/** The same synthetic frame the expected numbers were computed from. */
function frame(rows: number, columns: number, photometricInterpretation: string): DecodedImage {
	const pixels = new Uint16Array(rows * columns);
	for (let r = 0; r < rows; r++)
		for (let c = 0; c < columns; c++) pixels[r * columns + c] = ((r * 131 + c * 71) % 1000) + r * 3;
	return {
		rows,
		columns,
		samplesPerPixel: 1,
		photometricInterpretation,
		pixels,
		minValue: 0,
		maxValue: 0,
		windowCenter: null,
		windowWidth: null,
		rescaleSlope: 1,
		rescaleIntercept: 0,
		pixelSpacing: null,
	};
}

function summary(data: Float32Array, crop: number) {
	const plane = data.subarray(0, crop * crop);
	let sum = 0;
	let sq = 0;
	for (const v of plane) {
		sum += v;
		sq += v * v;
	}
	return { samples: [0, 1, crop + 3, (crop * crop) / 2 + 5, crop * crop - 1].map((i) => plane[i]!), sum, sq };
}

function near(actual: number, expected: number, tol: number, what: string) {
	assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`);
}

/*
 * Expected values from /usr/bin/python3 with torch 1.13 (Debian python3-torch), float64:
 *   x = (x - x.min()) * 255 / (x.max() - x.min()); x = 255 - x for MONOCHROME1
 *   F.interpolate(x[None, None], size=(oh, ow), mode='bilinear', antialias=True, align_corners=False)
 *   top/left = int(round((oh - crop) / 2.0))  (Python's round, halves to even), crop,
 *   ((y / 255) * (hi - lo) + lo - mean) / std; samples of the flattened first plane, its sum and sum of squares.
 */
const cases = [
	{
		name: 'downsampling, MONOCHROME1 inverted, 3 channels',
		rows: 37,
		columns: 53,
		pi: 'MONOCHROME1',
		p: { resizeShortSide: 20, centerCrop: 16, valueRange: [0, 1], channels: 3 },
		samples: [0.649981, 0.529075, 0.520485, 0.423694, 0.54226],
		sum: 127.5787,
		sq: 70.5746,
	},
	{
		name: 'upsampling, half-pixel crop offset rounds to even, mean/std',
		rows: 9,
		columns: 7,
		pi: 'MONOCHROME2',
		p: { resizeShortSide: 12, centerCrop: 10, valueRange: [-1, 1], channels: 1, mean: [0.5], std: [0.25] },
		samples: [-4.73648, -4.410685, -3.126647, 0.054736, -3.978564],
		sum: -149.551,
		sq: 546.1301,
	},
	{
		name: 'reference sizes (short side 512, crop 448)',
		rows: 600,
		columns: 450,
		pi: 'MONOCHROME2',
		p: { resizeShortSide: 512, centerCrop: 448, valueRange: [0, 1], channels: 3 },
		samples: [0.27807, 0.300388, 0.387188, 0.53524, 0.846752],
		sum: 100351.8296,
		sq: 54638.5731,
	},
];

for (const c of cases) {
	test(`preprocessing matches torch: ${c.name}`, () => {
		const p = Preprocessing.parse({ rescale: 'minmax', ...c.p });
		const t = preprocessImage(frame(c.rows, c.columns, c.pi), p);
		assert.equal(t.data.length, p.channels * p.centerCrop * p.centerCrop);
		const s = summary(t.data, p.centerCrop);
		s.samples.forEach((v, i) => near(v, c.samples[i]!, 2e-5, `sample ${i}`));
		near(s.sum, c.sum, Math.abs(c.sum) * 1e-5 + 1e-3, 'sum');
		near(s.sq, c.sq, Math.abs(c.sq) * 1e-5 + 1e-3, 'sum of squares');
		if (p.channels === 3)
			assert.deepEqual(
				t.data.subarray(0, p.centerCrop ** 2),
				t.data.subarray(2 * p.centerCrop ** 2),
				'channels repeat the gray plane',
			);
	});
}
