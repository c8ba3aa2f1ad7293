import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { GgufFileType, readGgufFileInfo } from 'node-llama-cpp';
import { llamaQuantize, llamaQuantizeTool } from '../../../src/node/modelConversion/llamaQuantize.js';
import { QuantizeFailedError } from '../../../src/node/modelConversion/QuantizeFailedError.js';
import { QuantizeToolMissingError } from '../../../src/node/modelConversion/QuantizeToolMissingError.js';
import { tempDir } from '../../helpers/tempDir.js';

const demoLlm = path.resolve('models/demo/radialog-demo-llm.gguf');

test('without the built tool, q4_k_m fails with QuantizeToolMissingError naming the one build command', async () => {
	const absent = path.join(tempDir(), 'no-such-llama-quantize');
	const out = path.join(tempDir(), 'q4.gguf');
	await assert.rejects(llamaQuantize(demoLlm, out, 'q4_k_m', absent), (err: Error) => {
		assert.ok(err instanceof QuantizeToolMissingError);
		assert.match(err.message, /bash models\/convert\/build-quantize\.sh/);
		return true;
	});
	assert.equal(fs.existsSync(out), false);
});

const built = fs.existsSync(llamaQuantizeTool);
if (!built) console.log(`# llama-quantize not built (${llamaQuantizeTool}): run bash models/convert/build-quantize.sh`);

test(
	'the built llama-quantize writes a q4_k_m GGUF of the demo LLM',
	{ skip: !built && 'llama-quantize not built' },
	async () => {
		const out = path.join(tempDir(), 'demo-q4_k_m.gguf');
		await llamaQuantize(demoLlm, out, 'q4_k_m');
		const info = await readGgufFileInfo(out, { sourceType: 'filesystem', logWarnings: false });
		assert.equal(info.metadata.general.file_type, GgufFileType.MOSTLY_Q4_K_M);
		assert.equal(info.metadata.general.architecture, 'llama');
		assert.ok(fs.statSync(out).size < fs.statSync(demoLlm).size, 'smaller than the f16 model');
	},
);

test(
	'a file that is not a GGUF fails with QuantizeFailedError and leaves no output',
	{ skip: !built && 'llama-quantize not built' },
	async () => {
		const dir = tempDir();
		const bad = path.join(dir, 'bad.gguf');
		fs.writeFileSync(bad, 'not a gguf');
		const out = path.join(dir, 'out.gguf');
		await assert.rejects(llamaQuantize(bad, out, 'q4_k_m'), QuantizeFailedError);
		assert.equal(fs.existsSync(out), false);
	},
);
