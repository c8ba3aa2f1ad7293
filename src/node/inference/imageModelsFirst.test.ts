import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { llamaSource, testModelsDir } from '../../../test/fixtures/testModels.js';
import { syntheticImage } from '../../../test/fixtures/testImages.js';
import type { ModelManifest } from '../../common/models/ModelManifest.js';
import { createReportAssistant } from './createReportAssistant.js';
import { ModelFileCorrupt, NotALanguageModel } from './modelErrors.js';
import { RadialogEngine } from './RadialogEngine.js';

/** A model folder of links to the test models whose LLM is a vocabulary-only GGUF (it cannot load). */
function withoutLanguageModel(edit: (m: ModelManifest, dir: string) => void = () => {}): string {
	const src = testModelsDir();
	const dir = tempDir();
	for (const f of fs.readdirSync(src))
		if (f !== 'manifest.json') fs.symlinkSync(path.join(src, f), path.join(dir, f));
	const m = JSON.parse(fs.readFileSync(path.join(src, 'manifest.json'), 'utf8')) as ModelManifest;
	fs.copyFileSync(path.join(llamaSource(), 'models', 'ggml-vocab-llama-spm.gguf'), path.join(dir, 'vocab.gguf'));
	m.llm.file = 'vocab.gguf';
	m.llm.sha256 = crypto
		.createHash('sha256')
		.update(fs.readFileSync(path.join(dir, 'vocab.gguf')))
		.digest('hex');
	edit(m, dir);
	fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
	return dir;
}

const isNotALanguageModel = (err: Error) => err instanceof NotALanguageModel && /vocab\.gguf/.test(err.message);

test('the image models work before the LLM is loaded; an LLM that fails fails the draft and `ready`', async () => {
	const modelsDir = withoutLanguageModel();
	const { engine, ready } = await RadialogEngine.openImageModelsFirst({ modelsDir, threads: 1, gpu: false });
	const image = syntheticImage(3);
	assert.equal((await engine.predictFindings(image)).length, 14);
	assert.equal((await engine.imageEmbeddings(image)).length, 32 * 64);
	await assert.rejects(ready, isNotALanguageModel);
	await assert.rejects(engine.draftReport({ image, findings: [] }), isNotALanguageModel);
	await engine.close();
});

test('in-process assistant: findings while the LLM cannot load; start and the draft fail with its error', async () => {
	const assistant = createReportAssistant({
		modelsDir: withoutLanguageModel(),
		threads: 1,
		gpu: false,
		inProcess: true,
	});
	const image = syntheticImage(5);
	try {
		await assistant.openImageModels();
		assert.equal((await assistant.predictFindings(image)).length, 14);
		await assert.rejects(assistant.start(), isNotALanguageModel);
		await assert.rejects(assistant.draftReport({ image, findings: [] }), isNotALanguageModel);
		assert.match(assistant.notice ?? '', /random weights/);
	} finally {
		await assistant.close();
	}
	await assert.rejects(assistant.predictFindings(image), /closed/);
});

test('loaded side by side, a broken image model is still the error reported when the LLM fails too', async () => {
	const modelsDir = withoutLanguageModel((m, d) => {
		fs.writeFileSync(path.join(d, 'broken.onnx'), crypto.randomBytes(4096));
		m.vision.encoder.file = 'broken.onnx';
	});
	await assert.rejects(
		RadialogEngine.open({ modelsDir, threads: 1, gpu: false, verifyHashes: false }),
		(err: Error) => err instanceof ModelFileCorrupt && /broken\.onnx/.test(err.message),
	);
});
