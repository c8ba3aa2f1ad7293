import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chexpertLabels } from '../../../src/common/domain/chexpert.js';
import type { LabelState, ReportLabels } from '../../../src/common/labeler/ReportLabels.js';
import { clinicalEfficacy } from '../../../src/common/metrics/clinicalEfficacy.js';
import { corpusBleu } from '../../../src/common/metrics/corpusBleu.js';
import { corpusMeteorExact, meteorExact } from '../../../src/common/metrics/meteorExact.js';
import { reportTokens } from '../../../src/common/metrics/reportTokens.js';
import { corpusRougeL, rougeL } from '../../../src/common/metrics/rougeL.js';

// Expected numbers: printed by referenceValues.py beside this file (NLTK 3.8 corpus_bleu and
// meteor_score with exact matching only, plain-Python ROUGE-L and clinical efficacy), run once by hand.
const pairs = [
	[
		'The heart size is normal. No pleural effusion or pneumothorax.',
		'Heart size is normal. There is no pleural effusion or pneumothorax.',
	],
	[
		'Moderate cardiomegaly with mild pulmonary edema.',
		'There is moderate cardiomegaly and mild interstitial pulmonary edema.',
	],
	[
		'Left lower lobe opacity may represent atelectasis.',
		'Patchy left basilar opacity, likely atelectasis, pneumonia cannot be excluded.',
	],
	[
		'Endotracheal tube terminates 4 cm above the carina.',
		'The endotracheal tube tip is 4.5 cm above the carina. Lungs are clear.',
	],
	['No acute cardiopulmonary process.', 'No acute cardiopulmonary process.'],
].map(([c, r]) => ({ candidate: reportTokens(c!), reference: reportTokens(r!) }));

const close = (actual: number, expected: number, what: string) =>
	assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

test('tokens: lower case, letters and digits, no punctuation', () => {
	assert.deepEqual(reportTokens('Tip 4.5 cm above the CARINA.'), ['tip', '4', '5', 'cm', 'above', 'the', 'carina']);
});

test('corpus BLEU-1..4 match NLTK corpus_bleu', () => {
	const { bleu } = corpusBleu(pairs);
	[0.5517986174426468, 0.4505416845025674, 0.3693921763258935, 0.30533277661970587].forEach((e, i) =>
		close(bleu[i]!, e, `BLEU-${i + 1}`),
	);
});

test('BLEU by hand: brevity penalty, and no n-grams of an order gives 0', () => {
	// "the cat" against "the cat sat": unigram and bigram precision 1, BP = exp(1 - 3/2); no trigrams at all.
	const { bleu, brevityPenalty } = corpusBleu([{ candidate: ['the', 'cat'], reference: ['the', 'cat', 'sat'] }]);
	close(brevityPenalty, Math.exp(-0.5), 'BP');
	close(bleu[0]!, Math.exp(-0.5), 'BLEU-1');
	close(bleu[1]!, Math.exp(-0.5), 'BLEU-2');
	assert.equal(bleu[2], 0);
	// Clipping: "the the the" against "the cat" matches one "the" of three.
	close(
		corpusBleu([{ candidate: ['the', 'the', 'the'], reference: ['the', 'cat'] }]).bleu[0]!,
		1 / 3,
		'clipped BLEU-1',
	);
});

test('METEOR with exact matching matches NLTK meteor_score given no stemmer and no synonyms', () => {
	const expected = [0.7894438781288935, 0.5126436781609196, 0.15463917525773196, 0.501827596710326, 0.9921875];
	pairs.forEach((p, i) => close(meteorExact(p), expected[i]!, `METEOR pair ${i}`));
	close(corpusMeteorExact(pairs), 0.5901483656515742, 'METEOR mean');
	assert.equal(meteorExact({ candidate: ['a'], reference: ['b'] }), 0);
});

test('ROUGE-L (beta 1.2) per pair and corpus mean', () => {
	const expected = [0.8498452012383902, 0.6434599156118143, 0.34205607476635513, 0.6065340909090908, 1];
	pairs.forEach((p, i) => close(rougeL(p), expected[i]!, `ROUGE-L pair ${i}`));
	close(corpusRougeL(pairs), 0.6883790565051301, 'ROUGE-L mean');
	// By hand: LCS of [a b c d] and [a c e] is 2, P = 1/2, R = 2/3, F = 2.44 PR / (R + 1.44 P).
	close(
		rougeL({ candidate: ['a', 'b', 'c', 'd'], reference: ['a', 'c', 'e'] }),
		(2.44 * 0.5 * (2 / 3)) / (2 / 3 + 1.44 * 0.5),
		'ROUGE-L by hand',
	);
});

test('clinical efficacy: macro and micro P/R/F1 over 14 labels, uncertain counts as absent', () => {
	const code: Record<number, LabelState> = { 1: 'positive', 0: 'negative', [-1]: 'uncertain' };
	const asLabels = (row: number[]) =>
		Object.fromEntries(chexpertLabels.map((l, i) => [l, code[row[i]!]!])) as ReportLabels;
	const pred = [
		[0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1],
		[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
		[0, 1, 1, 1, 0, 0, 1, -1, 0, 0, 1, 0, 0, 0],
		[0, 0, 0, 1, 0, 0, 0, 1, -1, 0, 0, 0, 1, 1],
	].map(asLabels);
	const ref = [
		[0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1],
		[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
		[0, 0, 1, 0, 0, 1, 1, 1, 0, 0, -1, 0, 0, 1],
		[0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1],
	].map(asLabels);
	const ce = clinicalEfficacy(pred, ref);
	close(ce.macro.precision, 0.5119047619047619, 'macro P');
	close(ce.macro.recall, 0.4761904761904762, 'macro R');
	close(ce.macro.f1, 0.4714285714285715, 'macro F1');
	close(ce.micro.precision, 0.6875, 'micro P');
	close(ce.micro.recall, 0.6875, 'micro R');
	close(ce.micro.f1, 0.6875, 'micro F1');
	const f1 = [1, 0, 1, 0.8, 0, 0, 1, 2 / 3, 2 / 3, 0, 2 / 3, 0, 0, 0.8];
	ce.perLabel.forEach((s, i) => close(s.f1, f1[i]!, `F1 ${s.label}`));
	assert.throws(() => clinicalEfficacy(pred, ref.slice(1)), RangeError);
});
