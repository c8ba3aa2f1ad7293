import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { getLlama, type Llama, type Token } from 'node-llama-cpp';
import { tempDir } from '../../../../test/helpers/tempDir.js';
import { testModelsDir, writeOverwrittenRowsModel } from '../../../../test/fixtures/testModels.js';
import { renderReportGenerationPrompt } from '../../../common/radialog/conversation.js';
import { readModelSet, type ModelSet } from '../loadModelSet.js';
import { LlamaReportModel } from './LlamaReportModel.js';

/** Deterministic pseudo-random vectors (a small LCG), in the range of the model's embedding rows. */
function vectors(seed: number, n: number): Float32Array {
	const out = new Float32Array(n);
	let s = seed >>> 0;
	for (let i = 0; i < n; i++) {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		out[i] = (s / 2 ** 32 - 0.5) * 1.2;
	}
	return out;
}

let set: ModelSet;
let work: string;
let llama: Llama;
const prompt = () => renderReportGenerationPrompt(set.manifest.llm.systemPrompt, ['Cardiomegaly', 'Edema']);

before(async () => {
	set = readModelSet(testModelsDir());
	work = tempDir();
	llama = await getLlama({ gpu: false, build: 'never' });
});
after(async () => {
	await llama.dispose();
});

/** Plain node-llama-cpp, no adapter: greedy tokens of a model file from a token array. */
async function referenceTokens(modelPath: string, tokens: Token[], max: number): Promise<Token[]> {
	const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
	const ctx = await model.createContext({ contextSize: set.manifest.llm.contextSize, threads: 1 });
	const out: Token[] = [];
	for await (const t of ctx.getSequence().evaluate(tokens, { temperature: 0 })) {
		if (model.isEogToken(t)) break;
		out.push(t);
		if (out.length >= max) break;
	}
	await model.dispose();
	return out;
}

test('image embeddings via the token_embd adapter give the tokens of a model whose rows were overwritten', async () => {
	const k = set.manifest.llm.imagePlaceholderTokenIds.length;
	const n = set.manifest.llm.embeddingLength;
	const lm = await LlamaReportModel.open(set, {
		threads: 1,
		gpu: false,
		workDir: path.join(work, 'adapters'),
		recycleAfterImages: 2,
	});
	try {
		const results: Token[][] = [];
		for (const seed of [1, 2]) {
			const v = vectors(seed, k * n);
			await lm.useImage(`image-${seed}`, v);
			const tokens = lm.tokenizePrompt(prompt());
			assert.deepEqual(
				tokens.filter((t) => set.manifest.llm.imagePlaceholderTokenIds.includes(t)),
				set.manifest.llm.imagePlaceholderTokenIds,
				'the 32 placeholders, in order, once',
			);
			const ours = await lm.generate(prompt(), { maxTokens: 40 });
			const reference = path.join(work, `overwritten-${seed}.gguf`);
			writeOverwrittenRowsModel(set.paths.llm, v, set.manifest.llm.imagePlaceholderTokenIds, reference);
			const expected = await referenceTokens(reference, tokens, 40);
			assert.ok(expected.length >= 5, 'the reference generates something');
			assert.deepEqual(ours.tokens.slice(0, expected.length), expected);
			results.push(ours.tokens);
		}
		assert.notDeepEqual(results[0], results[1], 'different images, different text (the embeddings matter)');
		// The third image reloads the model (recycleAfterImages: 2); the first image's text comes back unchanged.
		await lm.useImage('image-3', vectors(3, k * n));
		await lm.generate(prompt(), { maxTokens: 5 });
		await lm.useImage('image-1-again', vectors(1, k * n));
		assert.deepEqual(
			(await lm.generate(prompt(), { maxTokens: 40 })).tokens,
			results[0],
			'no stale embeddings across a model reload',
		);
		const plain = await referenceTokens(set.paths.llm, lm.tokenizePrompt(prompt()), 40);
		assert.notDeepEqual(plain, results[1], 'without the adapter the output differs');
		assert.deepEqual(fs.readdirSync(path.join(work, 'adapters')), [], 'adapter files are removed once loaded');
	} finally {
		await lm.close();
	}
});
