// Renders phantoms and writes what the vision models train on: the manifest's preprocessing applied
// (min-max to 0..255, short side 512, centre crop 448, 0..1) and the graph's first step (2×2 average
// pool to 224), stored as bytes, plus the 14 CheXpert labels and the patches that each local finding
// (`localLabels`) touches.
//   node --import tsx models/training/make-vision-data.ts OUT_DIR TRAIN_COUNT VAL_COUNT
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { chexpertLabels } from '../../src/common/domain/chexpert.js';
import { samplePhantomCase } from '../../src/common/phantoms/PhantomCase.js';
import type { FindingMark } from '../../src/common/phantoms/FindingMark.js';
import { renderPhantom } from '../../src/common/phantoms/renderPhantom.js';
import { trainSeeds, validationSeeds } from './seeds.js';

const [out = 'models/training/.cache/data', trainN = '1600', valN = '300'] = process.argv.slice(2);
const shard = process.env.RADIALOG_RENDER_SHARD;
if (!shard) fs.mkdirSync(out, { recursive: true });

/** Rendering at 512 is the 1024-pixel image after the manifest's resize, at a quarter of the cost. */
export function preprocess224(pixels: Uint16Array, size: number): Uint8Array {
	let lo = Infinity,
		hi = -Infinity;
	for (const v of pixels) {
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	const scale = 255 / Math.max(1, hi - lo);
	const crop = Math.round((448 / 512) * size),
		off = Math.floor((size - crop) / 2);
	const outSize = 224,
		f = crop / outSize;
	const o = new Uint8Array(outSize * outSize);
	for (let y = 0; y < outSize; y++) {
		for (let x = 0; x < outSize; x++) {
			let acc = 0,
				n = 0;
			for (let dy = 0; dy < f; dy++)
				for (let dx = 0; dx < f; dx++) {
					acc +=
						(pixels[(off + Math.floor(y * f) + dy) * size + off + Math.floor(x * f) + dx] as number) - lo;
					n++;
				}
			o[y * outSize + x] = Math.round((acc / n) * scale);
		}
	}
	return o;
}

/** The labels the classifier learns from a per-patch map, in the order of `localCells`. */
const localLabels = [
	'Fracture',
	'Lung Lesion',
	'Support Devices',
	'Lung Opacity',
	'Consolidation',
	'Atelectasis',
] as const;

/** For each local label, the 14×14 patch cells (the backbone's grid over the 224 input) its marks touch. */
function localCells(marks: readonly FindingMark[], size: number): number[][] {
	const crop = Math.round((448 / 512) * size),
		off = Math.floor((size - crop) / 2),
		scale = 224 / crop;
	return localLabels.map((label) => {
		const cells = new Set<number>();
		for (const m of marks.filter((x) => x.label === label)) {
			const x = (m.u * size - off) * scale,
				y = (m.v * size - off) * scale,
				r = Math.max(3, m.r * size * scale);
			for (let cy = 0; cy < 14; cy++) {
				for (let cx = 0; cx < 14; cx++) {
					const nx = Math.max(cx * 16, Math.min(x, cx * 16 + 16)),
						ny = Math.max(cy * 16, Math.min(y, cy * 16 + 16));
					if (Math.hypot(x - nx, y - ny) < r) cells.add(cy * 14 + cx);
				}
			}
		}
		return [...cells].sort((p, q) => p - q);
	});
}

type Rendered = { images: Uint8Array; labels: number[][]; localCells: number[][][] };

/**
 * Renders `seeds` in this thread: the images (224×224 bytes each, in order), their 14 labels and
 * local-finding cells.
 */
function render(seeds: readonly number[]): Rendered {
	const images = new Uint8Array(seeds.length * 224 * 224);
	const labels: number[][] = [];
	const cells: number[][][] = [];
	seeds.forEach((seed, k) => {
		const c = samplePhantomCase(seed);
		const r = renderPhantom(c, 512);
		images.set(preprocess224(r.pixels, 512), k * 224 * 224);
		labels.push(chexpertLabels.map((l) => (c.labels.includes(l) ? 1 : 0)));
		cells.push(localCells(r.marks, 512));
	});
	return { images, labels, localCells: cells };
}

/** Rendering is single-threaded JavaScript: one process per core halves this stage on the 2-core budget. */
async function write(name: string, seeds: number[]) {
	const t0 = Date.now();
	const workers = Math.max(1, Math.min(os.availableParallelism(), 4));
	const size = Math.ceil(seeds.length / workers);
	const parts = await Promise.all(
		Array.from(
			{ length: workers },
			(_, w) =>
				new Promise<Rendered>((resolve, reject) => {
					const child = fork(process.argv[1]!, [], {
						env: {
							...process.env,
							RADIALOG_RENDER_SHARD: JSON.stringify(seeds.slice(w * size, (w + 1) * size)),
						},
						serialization: 'advanced',
					});
					child.once('message', (m) => resolve(m as Rendered));
					child.once('exit', (code) => {
						if (code) reject(new Error(`a render process exited with ${code}`));
					});
				}),
		),
	);
	fs.writeFileSync(path.join(out, `${name}-images.u8`), Buffer.concat(parts.map((p) => p.images)));
	fs.writeFileSync(
		path.join(out, `${name}-labels.json`),
		JSON.stringify({
			seeds,
			labels: parts.flatMap((p) => p.labels),
			localLabels,
			localCells: parts.flatMap((p) => p.localCells),
		}),
	);
	console.log(
		`${name}: ${seeds.length} phantoms with ${workers} processes (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
	);
}

if (shard) {
	process.send!(render(JSON.parse(shard) as number[]), () => process.exit(0));
} else {
	await write('train', trainSeeds(Number(trainN)));
	await write('val', validationSeeds(Number(valN)));
}
