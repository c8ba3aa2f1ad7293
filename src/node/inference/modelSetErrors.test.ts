import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { llamaSource, testModelsDir } from '../../../test/fixtures/testModels.js';
import type { ModelManifest } from '../../common/models/ModelManifest.js';
import { syntheticImage } from '../../../test/fixtures/testImages.js';
import { createReportAssistant } from './createReportAssistant.js';
import {
	InvalidManifest,
	ModelFileCorrupt,
	ModelFileMissing,
	ModelHashMismatch,
	ModelShapeMismatch,
	NotALanguageModel,
} from './modelErrors.js';
import { RadialogEngine } from './RadialogEngine.js';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A model folder of links to the test models with an edited manifest. */
function variant(edit: (m: ModelManifest, dir: string) => void): string {
	const src = testModelsDir();
	const dir = tempDir();
	for (const f of fs.readdirSync(src))
		if (f !== 'manifest.json') fs.symlinkSync(path.join(src, f), path.join(dir, f));
	const m = JSON.parse(fs.readFileSync(path.join(src, 'manifest.json'), 'utf8')) as ModelManifest;
	edit(m, dir);
	fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
	return dir;
}

async function rejectsNaming(
	dir: string,
	Class: new (...a: never[]) => Error,
	file: string | null,
	verifyHashes = false,
) {
	await assert.rejects(
		RadialogEngine.open({ modelsDir: dir, threads: 1, gpu: false, verifyHashes }),
		(err: Error) => {
			assert.ok(err instanceof Class, `${err.name}: ${err.message}`);
			assert.ok(err.message.includes(path.join(dir, 'manifest.json')), `names the manifest: ${err.message}`);
			if (file) assert.ok(err.message.includes(path.join(dir, file)), `names ${file}: ${err.message}`);
			return true;
		},
	);
}

test('a missing model file names the file and the manifest', async () => {
	await rejectsNaming(
		variant((m) => (m.vision.classifier.file = 'nowhere.onnx')),
		ModelFileMissing,
		'nowhere.onnx',
	);
});

test('a wrong sha256 is refused before loading', async () => {
	await rejectsNaming(
		variant((m) => (m.llm.sha256 = '0'.repeat(64))),
		ModelHashMismatch,
		'tiny-llm.gguf',
		true,
	);
});

test('a corrupt ONNX file is reported as such', async () => {
	const dir = variant((m, d) => {
		fs.writeFileSync(path.join(d, 'broken.onnx'), crypto.randomBytes(4096));
		m.vision.encoder.file = 'broken.onnx';
		m.vision.encoder.sha256 = sha(path.join(d, 'broken.onnx'));
	});
	await rejectsNaming(dir, ModelFileCorrupt, 'broken.onnx', true);
});

test('shape mismatches: a wrong input name, an embedding width the GGUF does not have', async () => {
	await rejectsNaming(
		variant((m) => (m.vision.classifier.input.name = 'pixels')),
		ModelShapeMismatch,
		'classifier.onnx',
	);
	await rejectsNaming(
		variant((m) => {
			m.llm.embeddingLength = 128;
			m.vision.encoder.output.shape = [-1, 32, 128];
		}),
		ModelShapeMismatch,
		'tiny-llm.gguf',
	);
});

test('a GGUF that is not a language model (vocabulary only) is named', async () => {
	const dir = variant((m, d) => {
		fs.copyFileSync(path.join(llamaSource(), 'models', 'ggml-vocab-llama-spm.gguf'), path.join(d, 'vocab.gguf'));
		m.llm.file = 'vocab.gguf';
	});
	await rejectsNaming(dir, NotALanguageModel, 'vocab.gguf');
});

test('an invalid manifest lists what is wrong', async () => {
	const dir = variant((m) => Reflect.deleteProperty(m.llm, 'imagePlaceholderTokenIds'));
	await assert.rejects(
		RadialogEngine.open({ modelsDir: dir, threads: 1, gpu: false }),
		(err: Error) => err instanceof InvalidManifest && /imagePlaceholderTokenIds/.test(err.message),
	);
});

test('errors cross the process boundary with their class and message', async () => {
	const dir = variant((m) => (m.vision.encoder.sha256 = 'f'.repeat(64)));
	const assistant = createReportAssistant({ modelsDir: dir, threads: 1, gpu: false });
	try {
		await assert.rejects(
			assistant.predictFindings(syntheticImage(1)),
			(err: Error) => err instanceof ModelHashMismatch && err.message.includes('encoder.onnx'),
		);
	} finally {
		await assistant.close();
	}
});
