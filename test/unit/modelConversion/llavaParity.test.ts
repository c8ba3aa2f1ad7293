import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, test } from 'node:test';
import type { DecodedImage } from '../../../src/common/domain/DecodedImage.js';
import { chatTemplates } from '../../../src/common/radialog/chatTemplates.js';
import { renderVicunaPrompt } from '../../../src/common/radialog/vicunaPrompt.js';
import { RadialogEngine } from '../../../src/node/inference/RadialogEngine.js';
import { convertRadialogLlava, writeStandIn } from '../../../src/node/modelConversion/index.js';
import { makeDicomFixture } from '../../helpers/dicomFixtures.js';
import { tempDir } from '../../helpers/tempDir.js';

/**
 * RaDialog-LLaVA end to end on a stand-in in the published layout: `radialog models standin`, then
 * `radialog models convert` (f32), against a PyTorch forward written from the reference code
 * (test/python/llava_reference.py, no code shared with the converter) reading the stand-in's files.
 */
const run = promisify(execFile);
const NOTICE = 'Stand-in weights, random';
const SIZE = 512;

interface Reference {
	embeddings: number[];
	probabilities: number[];
	promptIds: number[];
	findings: string[];
	greedy: number[];
	gaps: number[];
}

/** 8-bit, 512 × 512, values 0..255: the reference's 8-bit remap and Resize(512) leave it as it is. */
function testImage(): DecodedImage {
	const pixels = new Uint8Array(SIZE * SIZE);
	for (let y = 0; y < SIZE; y++)
		for (let x = 0; x < SIZE; x++) pixels[y * SIZE + x] = (x * 7 + y * 13 + ((x * y) % 97)) % 256;
	return {
		rows: SIZE,
		columns: SIZE,
		samplesPerPixel: 1,
		photometricInterpretation: 'MONOCHROME2',
		pixels,
		minValue: 0,
		maxValue: 255,
		windowCenter: null,
		windowWidth: null,
		rescaleSlope: 1,
		rescaleIntercept: 0,
		pixelSpacing: null,
	};
}

const dir = tempDir('radialog-llava-');
let standIn: { model: string; baseLlm: string };
let converted: string;
let ref: Reference;

before(async () => {
	standIn = await writeStandIn(path.join(dir, 'standin'), 1);
	const image = testImage();
	const imageFile = path.join(dir, 'image.u8');
	fs.writeFileSync(imageFile, image.pixels);
	converted = path.join(dir, 'set');
	const refFile = path.join(dir, 'reference.json');
	const started = performance.now();
	// The reference reads the stand-in, not the converted set, so both run at once.
	await Promise.all([
		convertRadialogLlava({ ...standIn, out: converted, outtype: 'f32', notice: NOTICE }),
		run('/usr/bin/python3', [
			'test/python/llava_reference.py',
			standIn.model,
			standIn.baseLlm,
			imageFile,
			String(SIZE),
			String(SIZE),
			refFile,
		]),
	]);
	console.log(`conversion and reference forward: ${((performance.now() - started) / 1000).toFixed(1)} s`);
	ref = JSON.parse(fs.readFileSync(refFile, 'utf8')) as Reference;
});

test('the converted set matches the reference forward: image tokens, findings, prompt and greedy tokens', async () => {
	const engine = await RadialogEngine.open({ modelsDir: converted, threads: 1, gpu: false });
	try {
		assert.equal(engine.notice, NOTICE);
		assert.equal(engine.set.manifest.variant, 'radialog-llava');
		assert.equal(engine.set.manifest.llm.imagePlaceholderTokenIds.length, 196);
		const image = { key: 'parity', image: testImage() };
		const emb = await engine.imageEmbeddings(image);
		assert.equal(emb.length, ref.embeddings.length);
		const embDiff = Math.max(...ref.embeddings.map((v, i) => Math.abs(v - emb[i]!)));
		console.log(`image embeddings [196 × ${emb.length / 196}]: max abs diff ${embDiff.toExponential(2)}`);
		assert.ok(embDiff <= 1e-3, `image embeddings differ by ${embDiff}`);

		const findings = await engine.predictFindings(image);
		const probDiff = Math.max(...findings.map((f, i) => Math.abs(f.probability - ref.probabilities[i]!)));
		console.log(`classifier probabilities: max abs diff ${probDiff.toExponential(2)}`);
		assert.ok(probDiff <= 1e-4, `probabilities differ by ${probDiff}`);
		const positive = findings.filter((f) => f.positive).map((f) => f.label);
		assert.deepEqual(positive, ref.findings);

		const message = chatTemplates.llava_vicuna_v1.reportGenerationMessage(positive);
		const ids = engine.tokenizePrompt(
			renderVicunaPrompt(engine.set.manifest.llm.systemPrompt, [{ user: message }]),
		);
		const first = ids.indexOf(engine.set.manifest.llm.imagePlaceholderTokenIds[0]!);
		assert.deepEqual([...ids.slice(0, first), -200, ...ids.slice(first + 196)], ref.promptIds);

		const draft = await engine.draftReport({ image, findings: positive });
		const tokens = [...draft.generation.tokens, ...(draft.generation.stoppedBy === 'eos' ? [2] : [])];
		const nearTie = ref.gaps.findIndex((g) => g < 1e-3);
		const n = Math.min(32, ref.greedy.length, nearTie === -1 ? Infinity : nearTie);
		console.log(`greedy tokens compared: ${n} (reference ${ref.greedy.length}, first near-tie: ${nearTie})`);
		assert.ok(n >= 8, `only ${n} tokens before a near-tie`);
		assert.deepEqual(tokens.slice(0, n), ref.greedy.slice(0, n));
	} finally {
		await engine.close();
	}
});

test('radialog draft with the converted stand-in prints its notice', async () => {
	const dcm = makeDicomFixture(path.join(dir, 'study.dcm'), 'dx8', { rows: 512, cols: 512 });
	const { stdout } = await run(
		process.execPath,
		['bin/radialog.mjs', 'draft', dcm, '--models', converted, '--cpu', '--threads', '1'],
		{ maxBuffer: 1 << 24 },
	);
	assert.match(stdout, /Notice: Stand-in weights, random/);
	assert.match(stdout, /Predicted findings: /);
});

/**
 * Copies of the stand-in whose non_lora_trainables.bin was edited, one per entry: Python on the dict `sd`
 * (one Python process loads the file once for all of them).
 */
async function editedStandIns<K extends string>(edits: Record<K, string>): Promise<Record<K, string>> {
	const src = path.join(standIn.model, 'non_lora_trainables.bin');
	const out = {} as Record<K, string>;
	let script = `import torch\nfull = torch.load('${src}')\n`;
	for (const [name, edit] of Object.entries(edits) as [K, string][]) {
		const model = (out[name] = path.join(dir, name));
		fs.mkdirSync(model);
		for (const f of fs.readdirSync(standIn.model))
			if (f !== 'non_lora_trainables.bin') fs.symlinkSync(path.join(standIn.model, f), path.join(model, f));
		script += `sd = dict(full)\n${edit}\ntorch.save(sd, '${path.join(model, 'non_lora_trainables.bin')}')\n`;
	}
	await run('/usr/bin/python3', ['-c', script]);
	return out;
}

test('a renamed key or a changed shape in non_lora_trainables.bin is refused with ModelLayoutMismatch', async () => {
	const key = 'base_model.model.model.vision_tower.encoder.encoder.layer2.0.bn1.weight';
	const proj = 'base_model.model.model.mm_projector.0.weight';
	const { renamed, reshaped } = await editedStandIns({
		renamed: `sd['${key}.renamed'] = sd.pop('${key}')`,
		reshaped: `sd['${proj}'] = sd['${proj}'][:, :256]`,
	});
	await assert.rejects(
		convertRadialogLlava({ model: renamed, baseLlm: standIn.baseLlm, out: path.join(dir, 'x1') }),
		(e: Error) =>
			e.name === 'ModelLayoutMismatch' &&
			e.message.includes('non_lora_trainables.bin') &&
			e.message.includes('vision_tower.encoder.encoder.layer2.0.bn1.weight" is missing'),
	);
	await assert.rejects(
		convertRadialogLlava({ model: reshaped, baseLlm: standIn.baseLlm, out: path.join(dir, 'x2') }),
		(e: Error) =>
			e.name === 'ModelLayoutMismatch' && /mm_projector\.0\.weight" has shape \[128, 256\]/.test(e.message),
	);
	assert.equal(fs.existsSync(path.join(dir, 'x2', 'manifest.json')), false);
});
