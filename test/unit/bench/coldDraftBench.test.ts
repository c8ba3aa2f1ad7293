import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

// The cold-draft bench's quick variant runs and prints its lines; its timings are for people, not asserted.
test('bench/coldDraft.ts --quick times a cold radialog draft against a direct library script', () => {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/coldDraft.ts', '--quick'], {
		encoding: 'utf8',
		timeout: 300_000,
	});
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /^draft of \d+ tokens, prompt \d+ tokens, 1 thread\(s\)$/m);
	assert.match(r.stdout, /^radialog draft \(cold\): median \d+ ms \(\d+–\d+ ms\)$/m);
	assert.match(r.stdout, /^direct onnxruntime-node \+ node-llama-cpp script: median \d+ ms \(\d+–\d+ ms\)$/m);
	assert.match(
		r.stdout,
		/^cold draft: \d+\.\d\d× the direct script over 1 round\(s\) \(goal ≤ 1\.2×: (met|not met)\)$/m,
	);
});
