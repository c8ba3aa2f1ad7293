import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	checkAgainstReport,
	checkAnswer,
	describeContradiction,
	isManagementQuestion,
	quotesNotInReport,
} from '../../../src/common/faithfulness/index.js';

const report = [
	'The heart is enlarged. There is a small right pleural effusion.\nImpression: Cardiomegaly and effusion.',
];

test('management questions: treatments and procedures, not what the image shows', () => {
	for (const q of [
		'Should this patient get a chest drain?',
		'does he need antibiotics',
		'should we operate',
		'Is a thoracocentesis indicated?',
		'Would you recommend diuretics?',
		'How should we treat this?',
		'Does the tube need to be pulled back?',
		'Should the endotracheal tube be removed?',
		'Does the pneumothorax need a chest tube?',
	])
		assert.equal(isManagementQuestion(q), true, q);
	for (const q of [
		'Is there a chest drain?',
		'Is the chest tube in place?',
		'Where is the tip of the endotracheal tube?',
		'Is the effusion larger than before?',
		'Why do you think the patient has pneumonia?',
		'Does the nodule need follow-up imaging?',
		'Should I mention the effusion in the impression?',
	])
		assert.equal(isManagementQuestion(q), false, q);
});

test('a quote is checked against the report: whitespace and case ignored, terms in quotes left alone', () => {
	assert.deepEqual(quotesNotInReport(report, 'The report states: "there is a  small right PLEURAL effusion."'), []);
	assert.deepEqual(quotesNotInReport(report, 'The report states: "No pleural effusion."'), ['No pleural effusion.']);
	assert.deepEqual(quotesNotInReport(report, 'It says \u201cheart\u201d.'), []);
	assert.deepEqual(quotesNotInReport(report, 'The report says \u201clungs\u201d.'), ['lungs']);
	assert.deepEqual(quotesNotInReport(report, 'A "pleural effusion" is fluid.'), [], 'a term in quotes');
	assert.deepEqual(quotesNotInReport(report, 'As written, "a large left pneumothorax is seen".'), [
		'a large left pneumothorax is seen',
	]);
});

test('an answer check: contradictions and a quote not in the report', () => {
	assert.deepEqual(checkAnswer(report, 'The report states: "The heart is enlarged."'), {
		contradictions: [],
		quoteNotInReport: false,
	});
	const bad = checkAnswer(report, 'The report states: "No pleural effusion."');
	assert.equal(bad.quoteNotInReport, true);
	assert.deepEqual(
		bad.contradictions.map((c) => `${c.finding}/${c.kind}`),
		['Pleural Effusion/denied'],
	);
});

test('the latest statement of a finding wins: a signed addendum replaces the report on that finding', () => {
	const parts = [...report, 'Addendum: on review there is no pleural effusion.'];
	assert.deepEqual(checkAgainstReport(parts, 'There is no fluid around your lungs. Your heart is big.'), []);
	assert.deepEqual(
		checkAgainstReport(parts, 'There is some fluid around your right lung.').map((c) => c.kind),
		['reported absent'],
	);
	assert.deepEqual(
		checkAgainstReport(report, 'There is no fluid around your lungs.').map((c) => c.kind),
		['denied'],
		'without the addendum the denial contradicts',
	);
});

test('a contradiction reads as a sentence naming both texts', () => {
	const [c] = checkAgainstReport(report, 'There is no fluid around your lungs.');
	assert.equal(
		describeContradiction(c!),
		'"There is no fluid around your lungs." denies pleural effusion, which the report states ' +
			'(report: "There is a small right pleural effusion.").',
	);
});
