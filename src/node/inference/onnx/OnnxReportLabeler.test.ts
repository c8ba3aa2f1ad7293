import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chexpertLabels } from '../../../common/domain/chexpert.js';
import { RuleBasedReportLabeler } from '../../../common/labeler/RuleBasedReportLabeler.js';
import type { LabelState, ReportLabels } from '../../../common/labeler/ReportLabels.js';
import { readManifest } from '../loadModelSet.js';
import { testLabelerModelDir } from '../../../../test/fixtures/testLabelerModel.js';
import { OnnxReportLabeler } from './OnnxReportLabeler.js';

/*
 * The test labeler (test/fixtures/make-test-labeler.py) has hand-set weights whose outputs follow from its
 * docstring: a finding's word alone is positive, with "no"/"without" in the report negative, with
 * "possible"/"may" uncertain; "unremarkable" is No Finding; "zorblax" (zor ##bla ##x) is Edema.
 */
async function open(): Promise<OnnxReportLabeler> {
	const { manifestPath, manifest } = readManifest(testLabelerModelDir());
	return OnnxReportLabeler.open(manifestPath, manifest.labeler!, { threads: 1 });
}

/** Every observation not listed is expected not_mentioned. */
function only(states: Partial<ReportLabels>): ReportLabels {
	return Object.fromEntries(chexpertLabels.map((l) => [l, states[l] ?? 'not_mentioned'])) as Record<
		(typeof chexpertLabels)[number],
		LabelState
	>;
}

test('ONNX labeler: reports of different lengths get the states the model predicts, in input order', async () => {
	const labeler = await open();
	try {
		assert.equal(labeler.name, 'test-chexbert-shaped');
		const texts = [
			'Small left pleural effusion.',
			'No pneumothorax.',
			'Possible zorblax.',
			'Heart size is normal, lungs are clear, unremarkable.',
			'',
			'EFFUSIÓN and cardiomegaly and a tube.',
			'There is no fracture and no pneumothorax and no consolidation of the left lung.',
			'Stable nodule.',
			'Possible pneumonia.',
			'Without edema.',
		];
		const expected = [
			only({ 'Pleural Effusion': 'positive' }),
			only({ Pneumothorax: 'negative' }),
			only({ Edema: 'uncertain' }),
			only({ 'No Finding': 'positive' }),
			only({}),
			only({ 'Pleural Effusion': 'positive', Cardiomegaly: 'positive', 'Support Devices': 'positive' }),
			only({ Fracture: 'negative', Pneumothorax: 'negative', Consolidation: 'negative' }),
			only({ 'Lung Lesion': 'positive' }),
			only({ Pneumonia: 'uncertain' }),
			only({ Edema: 'negative' }),
		];
		// Ten reports cross a batch boundary (8 per run) and are reordered by length inside the labeler.
		assert.deepEqual(await labeler.label(texts), expected);
		for (const [i, t] of texts.entries())
			assert.deepEqual((await labeler.label([t]))[0], expected[i], `alone: ${t}`);
	} finally {
		await labeler.close();
	}
});

test("ONNX labeler: the labels are the model's, not the rules' (a word only the model knows)", async () => {
	const labeler = await open();
	try {
		const [model] = await labeler.label(['Zorblax.']);
		const [rules] = await new RuleBasedReportLabeler().label(['Zorblax.']);
		assert.equal(model!.Edema, 'positive');
		assert.equal(rules!.Edema, 'not_mentioned');
		// "bla" alone is no vocabulary word: only the ## continuation inside "zorblax" carries the mention.
		assert.equal((await labeler.label(['zor bla x']))[0]!.Edema, 'not_mentioned');
	} finally {
		await labeler.close();
	}
});

test("ONNX labeler: padding is masked (the test model's [PAD] row would read as cardiomegaly)", async () => {
	const labeler = await open();
	try {
		const long = 'the '.repeat(12) + 'effusion';
		const [short, longLabels] = await labeler.label(['effusion', long]);
		assert.equal(
			short!.Cardiomegaly,
			'not_mentioned',
			'the short report was padded by 12 [PAD] tokens, all masked',
		);
		assert.deepEqual(short, only({ 'Pleural Effusion': 'positive' }));
		assert.deepEqual(longLabels, only({ 'Pleural Effusion': 'positive' }));
	} finally {
		await labeler.close();
	}
});

test("ONNX labeler: each head is decoded in the manifest's class order (test Pneumothorax head permuted)", async () => {
	const labeler = await open();
	try {
		// With CheXbert's usual order hard-coded, these would read negative / not_mentioned.
		const [none, no, yes] = await labeler.label(['Effusion.', 'No pneumothorax.', 'Pneumothorax.']);
		assert.equal(none!.Pneumothorax, 'not_mentioned');
		assert.equal(no!.Pneumothorax, 'negative');
		assert.equal(yes!.Pneumothorax, 'positive');
	} finally {
		await labeler.close();
	}
});

test('ONNX labeler: reports longer than maxTokens (16 here) keep their first 15 tokens and [SEP]', async () => {
	const labeler = await open();
	try {
		const fits = 'the '.repeat(13) + 'effusion'; // [CLS] + 13 + effusion + [SEP] = 16 tokens
		const cut = 'the '.repeat(14) + 'effusion'; // 17 tokens: effusion is the 16th, replaced by [SEP]
		assert.equal(labeler.encode(fits).length, 16);
		assert.equal(labeler.encode(cut).length, 16);
		assert.equal(labeler.encode(cut).at(-1), 3, 'ends with [SEP] (id 3 in the test vocabulary)');
		const [a, b, c] = await labeler.label([fits, cut, `Effusion. ${'the '.repeat(40)}`]);
		assert.equal(a!['Pleural Effusion'], 'positive');
		assert.equal(b!['Pleural Effusion'], 'not_mentioned', 'the mention past the token limit is not seen');
		assert.equal(c!['Pleural Effusion'], 'positive', 'a long report is still labelled from its beginning');
	} finally {
		await labeler.close();
	}
});
