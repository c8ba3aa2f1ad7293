// Our decoders against dcmtk's on one radiograph-like image (16-bit allocated, 12 stored): RLE against
// dcmdrle (goal ≤ 1.2×), JPEG lossless against dcmdjpeg and JPEG-LS against dcmdjpls (goal ≤ 1.0×).
// dcmtk's times include its process start and writing the decoded file; ours run in a warm process, as the
// app decodes. Median of alternated rounds. Run: npx tsx bench/decoders.ts [--quick] [--rounds 5]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeRadiographLike } from './writeRadiographLike.js';
import { decodeDicomFile } from '../src/node/dicom/decodeDicom.js';

const quick = process.argv.includes('--quick');
const roundsAt = process.argv.indexOf('--rounds');
const rounds = Math.max(3, Number(roundsAt > 0 ? process.argv[roundsAt + 1] : 0) || (quick ? 3 : 5));
const [rows, columns] = quick ? [256, 256] : [2800, 2300];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-bench-decode-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timed = async (f: () => unknown) => {
	const s = performance.now();
	await f();
	return performance.now() - s;
};

const codecs = [
	{ name: 'RLE', encode: ['dcmcrle', []], decode: 'dcmdrle', goal: 1.2 },
	{ name: 'JPEG lossless', encode: ['dcmcjpeg', ['+e1']], decode: 'dcmdjpeg', goal: 1.0 },
	{ name: 'JPEG-LS', encode: ['dcmcjpls', []], decode: 'dcmdjpls', goal: 1.0 },
] as const;

try {
	const raw = path.join(tmp, 'dx.dcm');
	writeRadiographLike(raw, rows, columns);
	const files = codecs.map((c) => {
		const file = path.join(tmp, `${c.decode}.dcm`);
		execFileSync(c.encode[0], [...c.encode[1], raw, file]);
		return file;
	});
	for (const file of files) await decodeDicomFile(file); // load and compile once, as the app does at start
	const ours = codecs.map((): number[] => []);
	const theirs = codecs.map((): number[] => []);
	for (let r = 0; r < rounds; r++) {
		for (let i = 0; i < codecs.length; i++) {
			const dcmtk = () => execFileSync(codecs[i]!.decode, [files[i]!, path.join(tmp, 'out.dcm')]);
			const us = () => decodeDicomFile(files[i]!);
			// Alternate who goes first, so a warm cache favours neither.
			if (r % 2 === 0) {
				theirs[i]!.push(await timed(dcmtk));
				ours[i]!.push(await timed(us));
			} else {
				ours[i]!.push(await timed(us));
				theirs[i]!.push(await timed(dcmtk));
			}
		}
	}
	codecs.forEach((c, i) => {
		const ratio = median(ours[i]!) / median(theirs[i]!);
		console.log(
			`decode ${rows}×${columns} 16-bit ${c.name}: ours ${median(ours[i]!).toFixed(1)} ms, ${c.decode} ` +
				`${median(theirs[i]!).toFixed(1)} ms → ratio ${ratio.toFixed(2)}× (goal ≤ ${c.goal.toFixed(1)}×; ` +
				`median of ${rounds} alternated rounds)`,
		);
	});
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}
