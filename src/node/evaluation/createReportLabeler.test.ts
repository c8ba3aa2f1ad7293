import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
	InvalidManifest,
	ModelFileCorrupt,
	ModelFileMissing,
	ModelHashMismatch,
	ModelShapeMismatch,
} from '../inference/modelErrors.js';
import { copyTestLabelerModel } from '../../../test/fixtures/testLabelerModel.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { createReportLabeler } from './createReportLabeler.js';

type Manifest = {
	labeler?: Record<string, unknown> & {
		tokenizer: { vocab: { file: string; sha256: string } };
		heads: { output: string; classes: string[] }[];
	};
};

/** A private copy of the test labeler set, its manifest changed by `edit`. */
function labelerSet(edit: (m: Manifest, dir: string) => void = () => {}): string {
	const dir = copyTestLabelerModel(tempDir());
	const file = path.join(dir, 'manifest.json');
	const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
	edit(m, dir);
	fs.writeFileSync(file, JSON.stringify(m));
	return dir;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test(
	"labeler selection: the manifest's labeler model; rules on request, without a manifest, " +
		'or when none is listed',
	async () => {
		const dir = labelerSet();
		const model = await createReportLabeler({ manifestPath: dir });
		try {
			assert.equal(model.name, 'test-chexbert-shaped');
			assert.equal((await model.label(['Zorblax.']))[0]!.Edema, 'positive', 'only the model knows this word');
		} finally {
			await model.close();
		}
		assert.equal(
			(await createReportLabeler({ manifestPath: path.join(dir, 'manifest.json'), preferRules: true })).name,
			'rules',
		);
		assert.equal((await createReportLabeler()).name, 'rules');
		assert.equal((await createReportLabeler({ manifestPath: labelerSet((m) => delete m.labeler) })).name, 'rules');
		// --labeler rules never reads the labeler files, so a broken labeler does not block it.
		assert.equal(
			(
				await createReportLabeler({
					manifestPath: labelerSet((_, d) => fs.rmSync(path.join(d, 'labeler.onnx'))),
					preferRules: true,
				})
			).name,
			'rules',
		);
	},
);

test(
	'labeler selection: changed or missing files are refused with the named model-set error, ' +
		'never labelled by rules',
	async () => {
		const wrongSha = labelerSet((m) => (m.labeler!.sha256 = 'f'.repeat(64)));
		await assert.rejects(
			createReportLabeler({ manifestPath: wrongSha }),
			(e: Error) =>
				e instanceof ModelHashMismatch &&
				e.message.includes('labeler.onnx') &&
				e.message.includes('sha256 mismatch'),
		);

		const tamperedVocab = labelerSet((_, d) => fs.appendFileSync(path.join(d, 'vocab.txt'), 'extra\n'));
		await assert.rejects(
			createReportLabeler({ manifestPath: tamperedVocab }),
			(e: Error) => e instanceof ModelHashMismatch && e.message.includes('vocab.txt'),
		);

		const noVocab = labelerSet((_, d) => fs.rmSync(path.join(d, 'vocab.txt')));
		await assert.rejects(
			createReportLabeler({ manifestPath: noVocab }),
			(e: Error) =>
				e instanceof ModelFileMissing && /vocabulary \(labeler\.tokenizer\.vocab\) is missing/.test(e.message),
		);

		const noModel = labelerSet((_, d) => fs.rmSync(path.join(d, 'labeler.onnx')));
		await assert.rejects(createReportLabeler({ manifestPath: noModel }), ModelFileMissing);
	},
);

test('labeler selection: a vocabulary or graph that does not fit the manifest is refused by name', async () => {
	const noCls = labelerSet((m, d) => {
		const vocab = path.join(d, 'vocab.txt');
		fs.writeFileSync(vocab, fs.readFileSync(vocab, 'utf8').replace('[CLS]\n', '[CLX]\n'));
		m.labeler!.tokenizer.vocab.sha256 = sha(vocab);
	});
	await assert.rejects(
		createReportLabeler({ manifestPath: noCls }),
		(e: Error) => e instanceof ModelFileCorrupt && e.message.includes('[CLS]'),
	);

	const threeClasses = labelerSet((m) => (m.labeler!.heads[0]!.classes = ['not_mentioned', 'positive', 'negative']));
	await assert.rejects(
		createReportLabeler({ manifestPath: threeClasses }),
		(e: Error) =>
			e instanceof ModelShapeMismatch && e.message.includes('"head_0"') && e.message.includes('[batch, 3]'),
	);

	const wrongOutput = labelerSet((m) => (m.labeler!.heads[4]!.output = 'edema_logits'));
	await assert.rejects(
		createReportLabeler({ manifestPath: wrongOutput }),
		(e: Error) => e instanceof ModelShapeMismatch && e.message.includes('output "edema_logits"'),
	);

	const wrongInput = labelerSet((m) => (m.labeler!.inputs = { inputIds: 'ids', attentionMask: 'attention_mask' }));
	await assert.rejects(
		createReportLabeler({ manifestPath: wrongInput }),
		(e: Error) => e instanceof ModelShapeMismatch && e.message.includes('input "ids"'),
	);

	const notOnnx = labelerSet((m, d) => {
		fs.writeFileSync(path.join(d, 'labeler.onnx'), 'not a graph');
		m.labeler!.sha256 = sha(path.join(d, 'labeler.onnx'));
	});
	await assert.rejects(createReportLabeler({ manifestPath: notOnnx }), ModelFileCorrupt);
});

test('manifest: a bare labeler entry (file and hash only) or one head missing is an invalid manifest', async () => {
	const bare = labelerSet(
		(m) => (m.labeler = { file: 'labeler.onnx', sha256: m.labeler!.sha256 as string, format: 'onnx' } as never),
	);
	await assert.rejects(
		createReportLabeler({ manifestPath: bare }),
		(e: Error) => e instanceof InvalidManifest && e.message.includes('labeler.tokenizer'),
	);
	const thirteen = labelerSet((m) => m.labeler!.heads.pop());
	await assert.rejects(
		createReportLabeler({ manifestPath: thirteen }),
		(e: Error) => e instanceof InvalidManifest && e.message.includes('one head per CheXpert observation'),
	);
});
