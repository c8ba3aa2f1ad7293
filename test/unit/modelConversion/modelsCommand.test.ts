import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../../../src/node/cli/commands/models.js';
import { UsageError } from '../../../src/node/cli/parseArgs.js';
import { llamaQuantize } from '../../../src/node/modelConversion/llamaQuantize.js';

test('the original release is refused in plain words: the 512 -> 1408 projector is in no published file', async () => {
	await assert.rejects(
		run([
			'convert',
			'--variant',
			'radialog',
			'--release',
			'r',
			'--base-llm',
			'b',
			'--image-encoder',
			'e',
			'--out',
			'o',
		]),
		(e: Error) =>
			e.name === 'OriginalReleaseNotConvertible' &&
			/512 -> 1408/.test(e.message) &&
			/random seed/.test(e.message) &&
			/frozen weights\s+are dropped when checkpoints are saved/.test(e.message) &&
			/seeds differently/.test(e.message),
	);
});

test('models: usage errors name the flag', async () => {
	await assert.rejects(run(['convert', '--variant', 'llava']), UsageError);
	await assert.rejects(
		run(['convert', '--variant', 'radialog-llava', '--model', 'm', '--out', 'o']),
		/--base-llm DIR is required/,
	);
	await assert.rejects(
		run(['convert', '--variant', 'radialog-llava', '--quantize', 'q2', '--out', 'o']),
		/--quantize must be q8_0 or q4_k_m/,
	);
	await assert.rejects(run(['verifyy']), /unknown subcommand/);
});

test('q4_k_m without the built llama.cpp tool is refused by name, saying how to build it', async () => {
	await assert.rejects(
		llamaQuantize('a.gguf', 'b.gguf', 'q4_k_m', '/nonexistent/llama-quantize'),
		(e: Error) => e.name === 'QuantizeToolMissingError' && /build-quantize\.sh/.test(e.message),
	);
});
