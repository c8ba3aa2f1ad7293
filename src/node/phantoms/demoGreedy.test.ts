import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { LlamaReportModel } from '../inference/llama/LlamaReportModel.js';
import { readModelSet } from '../inference/loadModelSet.js';

const modelsDir = process.env.RADIALOG_DEMO_MODELS ?? path.resolve('models/demo');

interface Reference {
	prompt: string;
	embeddings: number[];
	tokens: number[];
}

test('the exported GGUF decodes greedily as the PyTorch model did (same image embeddings, same prompt)', async () => {
	const refs = JSON.parse(fs.readFileSync(path.join(modelsDir, 'greedy-reference.json'), 'utf8')) as Reference[];
	assert.ok(refs.length >= 3);
	const set = readModelSet(modelsDir);
	const llm = await LlamaReportModel.open(set, {
		threads: 1,
		gpu: false,
		workDir: fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-greedy-')),
	});
	try {
		for (const [k, r] of refs.entries()) {
			await llm.useImage(`reference-${k}`, Float32Array.from(r.embeddings));
			const eos = r.tokens.at(-1) === 2;
			const want = eos ? r.tokens.slice(0, -1) : r.tokens;
			const g = await llm.generate(r.prompt, { maxTokens: r.tokens.length });
			assert.deepEqual(g.tokens.map(Number), want, `prompt ${k}: "${g.text}"`);
			assert.equal(g.stoppedBy, eos ? 'eos' : 'maxTokens');
		}
	} finally {
		await llm.close();
	}
});
