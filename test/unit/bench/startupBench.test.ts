import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

// The start-up bench's quick variant runs and prints its lines; its timings are for people, not asserted.
test('bench/startup.ts --quick times npm start against a bare Node server and prints the ratio', () => {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/startup.ts', '--quick'], {
		encoding: 'utf8',
		timeout: 300_000,
	});
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /^first start \(data folder set up, sources compiled if changed\): \d+ ms$/m);
	assert.match(r.stdout, /^workstation \(npm start, browser mode\): median \d+ ms \(\d+–\d+ ms\)$/m);
	assert.match(r.stdout, /^bare Node HTTP server: median \d+ ms \(\d+–\d+ ms\)$/m);
	assert.match(
		r.stdout,
		/^start to address: \d+\.\d\d× a bare Node server over 1 round\(s\) \(goal ≤ 2×: (met|not met)\)$/m,
	);
});
