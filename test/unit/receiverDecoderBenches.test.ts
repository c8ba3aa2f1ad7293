// The quick variants of bench/receiver.ts and bench/decoders.ts run and print their ratio lines. Their
// timings are not asserted: the machines that run CI are shared and noisy.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

test('bench/receiver.ts --quick prints the receiver against storescp as a ratio', async () => {
	const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/receiver.ts', '--quick'], {
		timeout: 300_000,
	});
	assert.match(stdout, /receive 10 instances .*: radialog \d+ ms, storescp \d+ ms → ratio [\d.]+× \(goal ≤ 1\.5×/);
	assert.match(stdout, /all 10 in the database after \d+ ms/);
});

test('bench/decoders.ts --quick prints RLE, JPEG lossless and JPEG-LS against dcmtk as ratios', async () => {
	const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/decoders.ts', '--quick'], {
		timeout: 300_000,
	});
	const line = (codec: string, tool: string, goal: string) =>
		new RegExp(
			`decode 256×256 16-bit ${codec}: ours [\\d.]+ ms, ${tool} [\\d.]+ ms → ratio [\\d.]+× \\(goal ≤ ${goal}×`,
		);
	for (const [codec, tool, goal] of [
		['RLE', 'dcmdrle', '1\\.2'],
		['JPEG lossless', 'dcmdjpeg', '1\\.0'],
		['JPEG-LS', 'dcmdjpls', '1\\.0'],
	])
		assert.match(stdout, line(codec!, tool!, goal!));
});
