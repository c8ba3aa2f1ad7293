import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { testModelsDir } from '../../fixtures/testModels.js';

test('bench/gpu.ts --quick prints where the layers run, one round and the medians', { timeout: 300_000 }, () => {
	const r = spawnSync(
		process.execPath,
		[
			'--import',
			'tsx',
			'bench/gpu.ts',
			'--quick',
			'--models',
			testModelsDir(),
			'--gpu-layers',
			'auto',
			'--threads',
			'1',
		],
		{ encoding: 'utf8', timeout: 280_000 },
	);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /^GPU: (none found .*measuring the CPU|\w+ \(.*\))$/m);
	assert.match(r.stdout, /^loaded in [\d.]+ s on \w+: \d+\/3 layers on the GPU$/m);
	assert.match(
		r.stdout,
		/^round 1: \d+ tokens \(stopped by \w+\), first token after \d+ ms .* tokens\/s, report with vision \d+ ms$/m,
	);
	assert.match(r.stdout, /^median of 1: time to first token \d+ ms, [\d.]+ tokens\/s, report with vision \d+ ms/m);
});
