import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ModelManifest } from '../../../src/common/models/ModelManifest.js';
import { ModelFileMissing, ModelHashMismatch, ModelShapeMismatch } from '../../../src/node/inference/modelErrors.js';
import { PlaceholderTokenMissing } from '../../../src/node/inference/verify/PlaceholderTokenMissing.js';
import { verifyModelSet } from '../../../src/node/inference/verify/verifyModelSet.js';
import { copyTestLabelerModel } from '../../fixtures/testLabelerModel.js';
import { testModelsDir } from '../../fixtures/testModels.js';
import { tempDir } from '../../helpers/tempDir.js';

const cli = path.resolve('bin/radialog.mjs');
const verify = (dir: string) =>
	spawnSync(process.execPath, [cli, 'models', 'verify', dir], { encoding: 'utf8', timeout: 120_000 });

/** A private copy of the demo set; `edit` changes its manifest. */
function demoCopy(edit: (m: ModelManifest) => void = () => {}): string {
	const dir = path.join(tempDir(), 'demo');
	fs.cpSync(path.resolve('models/demo'), dir, { recursive: true });
	const file = path.join(dir, 'manifest.json');
	const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as ModelManifest;
	edit(manifest);
	fs.writeFileSync(file, JSON.stringify(manifest, null, '\t'));
	return dir;
}

async function firstFailure(dir: string) {
	const verdict = await verifyModelSet(dir);
	assert.equal(verdict.passed, false);
	return verdict.checks.find((c) => !c.passed)!;
}

test('radialog models verify passes the demo set: one line per check and a PASS verdict, exit 0', () => {
	const r = verify('models/demo');
	assert.equal(r.status, 0, r.stderr);
	const lines = r.stdout.trim().split('\n');
	for (const subject of ['manifest', 'sha256 encoder.onnx', 'content encoder.onnx', 'sha256 classifier.onnx'])
		assert.ok(
			lines.some((l) => l.startsWith(`ok   ${subject}:`)),
			`${subject} in\n${r.stdout}`,
		);
	assert.match(r.stdout, /content radialog-demo-llm\.gguf: llama, 3 layers, embedding length 160, vocabulary 32032/);
	assert.match(lines.at(-1)!, /^PASS: all 7 checks of models\/demo passed/);
});

test('the test model set passes, and so do the files of an ONNX labeler', async () => {
	const tiny = await verifyModelSet(testModelsDir());
	assert.ok(tiny.passed, JSON.stringify(tiny.checks.filter((c) => !c.passed)));
	// The labeler fixture lists only stand-in names for the other models: its own files must pass.
	const labeled = await verifyModelSet(copyTestLabelerModel(tempDir()));
	const labeler = labeled.checks.filter((c) => /labeler\.onnx|vocab\.txt/.test(c.subject));
	assert.deepEqual(
		labeler.map((c) => [c.subject, c.passed]),
		[
			['sha256 labeler.onnx', true],
			['content labeler.onnx', true],
			['sha256 vocab.txt', true],
		],
	);
	assert.match(labeler[1]!.detail, /14 heads of the declared widths/);
});

test('one changed byte fails with ModelHashMismatch; the CLI prints it and exits 1', async () => {
	const dir = demoCopy();
	const file = path.join(dir, 'classifier.onnx');
	const bytes = fs.readFileSync(file);
	bytes[bytes.length - 10] = bytes.at(-10)! ^ 1;
	fs.writeFileSync(file, bytes);
	const failed = await firstFailure(dir);
	assert.equal(failed.subject, 'sha256 classifier.onnx');
	assert.ok(failed.error instanceof ModelHashMismatch);
	const r = verify(dir);
	assert.equal(r.status, 1);
	assert.match(r.stderr, /^FAIL sha256 classifier\.onnx: ModelHashMismatch: sha256 mismatch/m);
	assert.match(r.stderr, /^FAIL: 1 of 6 checks of .* failed/m);
	assert.match(r.stdout, /^ok {3}content encoder\.onnx/m, 'the other files are still checked');
});

test('a wrong shape in the manifest fails with ModelShapeMismatch naming both shapes', async () => {
	const failed = await firstFailure(
		demoCopy((m) => {
			m.vision.classifier.input.shape = [-1, 3, 224, 224];
		}),
	);
	assert.equal(failed.subject, 'content classifier.onnx');
	assert.ok(failed.error instanceof ModelShapeMismatch);
	assert.match(failed.detail, /input "image" is \[batch, 3, 448, 448\], the manifest says \[-1, 3, 224, 224\]/);
});

test('an embedding width that neither graph nor GGUF has fails both with ModelShapeMismatch', async () => {
	const verdict = await verifyModelSet(
		demoCopy((m) => {
			m.vision.encoder.output.shape = [-1, 32, 256];
			m.llm.embeddingLength = 256;
		}),
	);
	const failed = verdict.checks.filter((c) => !c.passed);
	assert.deepEqual(
		failed.map((c) => c.subject),
		['content encoder.onnx', 'content radialog-demo-llm.gguf'],
	);
	assert.ok(failed.every((c) => c.error instanceof ModelShapeMismatch));
	assert.match(failed[1]!.detail, /embedding length is 160 .*the manifest says 256/);
});

test('a missing file fails with ModelFileMissing', async () => {
	const dir = demoCopy();
	fs.rmSync(path.join(dir, 'encoder.onnx'));
	const failed = await firstFailure(dir);
	assert.ok(failed.error instanceof ModelFileMissing);
	assert.equal(verify(dir).status, 1);
});

test('placeholders among ordinary tokens or outside the vocabulary fail with PlaceholderTokenMissing', async () => {
	const ordinary = await firstFailure(
		demoCopy((m) => {
			m.llm.imagePlaceholderTokenIds = Array.from({ length: 32 }, (_, i) => 1000 + i);
		}),
	);
	assert.ok(ordinary.error instanceof PlaceholderTokenMissing);
	assert.match(ordinary.detail, /placeholder id 1000 .* is an ordinary text token/);
	const outside = await firstFailure(
		demoCopy((m) => {
			m.llm.imagePlaceholderTokenIds = Array.from({ length: 32 }, (_, i) => 32010 + i);
		}),
	);
	assert.match(outside.detail, /placeholder id 32032 is outside the vocabulary of 32032 tokens/);
});

test('an invalid manifest fails its one check; no file is looked at', async () => {
	const verdict = await verifyModelSet(demoCopy((m) => delete (m as Partial<ModelManifest>).llm));
	assert.deepEqual(
		verdict.checks.map((c) => [c.subject, c.error?.name]),
		[['manifest', 'InvalidManifest']],
	);
});
