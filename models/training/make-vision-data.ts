// Renders phantoms and writes what the vision models train on: the manifest's preprocessing applied
// (min-max to 0..255, short side 512, centre crop 448, 0..1) and the graph's first step (2×2 average
// pool to 224), stored as bytes, plus the 14 CheXpert labels.
//   node --import tsx models/training/make-vision-data.ts OUT_DIR TRAIN_COUNT VAL_COUNT
import fs from 'node:fs';
import path from 'node:path';
import { chexpertLabels } from '../../src/common/domain/chexpert.js';
import { samplePhantomCase } from '../../src/common/phantoms/PhantomCase.js';
import { renderPhantom } from '../../src/common/phantoms/renderPhantom.js';
import { trainSeeds, validationSeeds } from './seeds.js';

const [out = 'models/training/.cache/data', trainN = '1600', valN = '300'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });

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

function write(name: string, seeds: number[]) {
	const images = Buffer.alloc(seeds.length * 224 * 224);
	const labels: number[][] = [];
	const t0 = Date.now();
	seeds.forEach((seed, k) => {
		const c = samplePhantomCase(seed);
		images.set(preprocess224(renderPhantom(c, 512).pixels, 512), k * 224 * 224);
		labels.push(chexpertLabels.map((l) => (c.labels.includes(l) ? 1 : 0)));
		if ((k + 1) % 200 === 0) console.log(`${name}: ${k + 1}/${seeds.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
	});
	fs.writeFileSync(path.join(out, `${name}-images.u8`), images);
	fs.writeFileSync(path.join(out, `${name}-labels.json`), JSON.stringify({ seeds, labels }));
}

write('train', trainSeeds(Number(trainN)));
write('val', validationSeeds(Number(valN)));
