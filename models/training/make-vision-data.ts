// Renders phantoms and writes what the vision models train on: the manifest's preprocessing applied
// (min-max to 0..255, short side 512, centre crop 448, 0..1) and the graph's first step (2×2 average
// pool to 224), stored as bytes, plus the 14 CheXpert labels.
//   node --import tsx models/training/make-vision-data.ts OUT_DIR TRAIN_COUNT VAL_COUNT
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { chexpertLabels } from '../../src/common/domain/chexpert.js';
import { samplePhantomCase } from '../../src/common/phantoms/PhantomCase.js';
import { renderPhantom } from '../../src/common/phantoms/renderPhantom.js';
import { trainSeeds, validationSeeds } from './seeds.js';

const [out = 'models/training/.cache/data', trainN = '1600', valN = '300'] = process.argv.slice(2);
const shard = process.env.RADIALOG_RENDER_SHARD;
if (!shard) fs.mkdirSync(out, { recursive: true });

/** Rendering at 512 is the 1024-pixel image after the manifest's resize, at a quarter of the cost. */
export function preprocess224(pixels: Uint16Array, size: number): Uint8Array {
	let lo = Infinity, hi = -Infinity;
	for (const v of pixels) { if (v < lo) lo = v; if (v > hi) hi = v; }
	const scale = 255 / Math.max(1, hi - lo);
	const crop = Math.round((448 / 512) * size), off = Math.floor((size - crop) / 2);
	const outSize = 224, f = crop / outSize;
	const o = new Uint8Array(outSize * outSize);
	for (let y = 0; y < outSize; y++) {
		for (let x = 0; x < outSize; x++) {
			let acc = 0, n = 0;
			for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) { acc += (pixels[(off + Math.floor(y * f) + dy) * size + off + Math.floor(x * f) + dx] as number) - lo; n++; }
			o[y * outSize + x] = Math.round((acc / n) * scale);
		}
	}
	return o;
}

/** Renders `seeds` in this thread: the images (224×224 bytes each, in order) and their 14 labels. */
function render(seeds: readonly number[]): { images: Uint8Array; labels: number[][] } {
	const images = new Uint8Array(seeds.length * 224 * 224);
	const labels: number[][] = [];
	seeds.forEach((seed, k) => {
		const c = samplePhantomCase(seed);
		images.set(preprocess224(renderPhantom(c, 512).pixels, 512), k * 224 * 224);
		labels.push(chexpertLabels.map((l) => (c.labels.includes(l) ? 1 : 0)));
	});
	return { images, labels };
}

/** Rendering is single-threaded JavaScript: one process per core halves this stage on the 2-core budget. */
async function write(name: string, seeds: number[]) {
	const t0 = Date.now();
	const workers = Math.max(1, Math.min(os.availableParallelism(), 4));
	const size = Math.ceil(seeds.length / workers);
	const parts = await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<{ images: Uint8Array; labels: number[][] }>((resolve, reject) => {
		const child = fork(process.argv[1]!, [], { env: { ...process.env, RADIALOG_RENDER_SHARD: JSON.stringify(seeds.slice(w * size, (w + 1) * size)) }, serialization: 'advanced' });
		child.once('message', (m) => resolve(m as { images: Uint8Array; labels: number[][] }));
		child.once('exit', (code) => { if (code) reject(new Error(`a render process exited with ${code}`)); });
	})));
	fs.writeFileSync(path.join(out, `${name}-images.u8`), Buffer.concat(parts.map((p) => p.images)));
	fs.writeFileSync(path.join(out, `${name}-labels.json`), JSON.stringify({ seeds, labels: parts.flatMap((p) => p.labels) }));
	console.log(`${name}: ${seeds.length} phantoms with ${workers} processes (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

if (shard) {
	process.send!(render(JSON.parse(shard) as number[]), () => process.exit(0));
} else {
	await write('train', trainSeeds(Number(trainN)));
	await write('val', validationSeeds(Number(valN)));
}
