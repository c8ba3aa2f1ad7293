// Benchmarks for studies in, printed as ratios against baselines measured in the same run:
//   1. decoding a large 16-bit JPEG lossless radiograph: our decoder vs dcmtk's dcmdjpeg (goal ≤ 1.5×)
//   2. folder import throughput (files/s), against plain file copying of the same folder
//   3. the worklist's first page at 100,000 studies (goal < 50 ms)
// Run: npx tsx bench/dicomBench.ts [--studies 100000]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeRadiographLike } from './writeRadiographLike.js';
import { decodeDicomFile } from '../src/node/dicom/decodeDicom.js';
import { imageFolder } from '../test/helpers/imageFolder.js';
import { Workstation } from '../src/node/workstation/Workstation.js';
import { seedStudies } from './seedStudies.js';

const studies = Number(process.argv[process.argv.indexOf('--studies') + 1]) || 100_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (f: () => unknown, runs: number) => {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = performance.now();
		await f();
		t.push(performance.now() - s);
	}
	return median(t);
};

try {
	// 1. A 2800 × 2300 radiograph-like image: smooth anatomy-scale shading plus detector noise, 12 of 16 bits.
	const raw = path.join(tmp, 'dx.dcm');
	writeRadiographLike(raw, 2800, 2300);
	const jpeg = path.join(tmp, 'dx-jpeg-lossless.dcm');
	execFileSync('dcmcjpeg', ['+e1', raw, jpeg]);
	const out = path.join(tmp, 'dx-dcmtk.dcm');
	await decodeDicomFile(jpeg); // load and compile the code once, as the app does at start
	const dcmtkMs = await time(() => execFileSync('dcmdjpeg', [jpeg, out]), 5);
	const oursMs = await time(() => decodeDicomFile(jpeg), 5);
	console.log(
		`decode 2800×2300 16-bit JPEG lossless: ours ${oursMs.toFixed(0)} ms, ` +
			`dcmdjpeg ${dcmtkMs.toFixed(0)} ms (process start and file write included) → ` +
			`ratio ${(oursMs / dcmtkMs).toFixed(2)}× (goal ≤ 1.5×)`,
	);

	// 2. Import throughput: 300 small radiographs (256 × 256) from a folder, against copying the same files.
	const folder = imageFolder(path.join(tmp, 'folder'), 300, { perStudy: 2 });
	const files = fs.readdirSync(folder);
	const copyDir = path.join(tmp, 'copy');
	fs.mkdirSync(copyDir);
	const copyMs = await time(() => {
		for (const f of files) fs.copyFileSync(path.join(folder, f), path.join(copyDir, f));
	}, 1);
	const w = new Workstation({ dataDir: path.join(tmp, 'data'), shell: 'browser' });
	const t0 = performance.now();
	const report = await w.importer.importPaths([folder]);
	const importMs = performance.now() - t0;
	await w.close();
	console.log(
		`import ${report.imported} files: ${(report.imported / (importMs / 1000)).toFixed(0)} files/s ` +
			`(${importMs.toFixed(0)} ms; plain copy of the same files ${copyMs.toFixed(0)} ms → ` +
			`${(importMs / copyMs).toFixed(1)}× a copy)`,
	);

	// 3. Worklist at scale: first page, default sort and sorted by name, and a search.
	const big = new Workstation({ dataDir: path.join(tmp, 'big'), shell: 'browser' });
	const s0 = performance.now();
	seedStudies(big.db, studies);
	console.log(`seeded ${studies} studies in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
	for (const [label, q] of [
		['first page (newest first)', { sort: 'imported', direction: 'desc' }],
		['first page sorted by patient name', { sort: 'patientName', direction: 'asc' }],
		['first page filtered to status new', { sort: 'imported', direction: 'desc', status: ['new'] }],
		['search "smith"', { sort: 'imported', direction: 'desc', search: 'smith' }],
	] as const) {
		const ms = await time(
			() => big.worklist.list({ offset: 0, limit: 100, ...q } as Parameters<typeof big.worklist.list>[0]),
			7,
		);
		console.log(
			`worklist ${label} at ${studies} studies: ${ms.toFixed(1)} ms → ${(ms / 50).toFixed(2)} of the 50 ms goal`,
		);
	}
	await big.close();
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}
