import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFaithfulness, readStatements } from '../../../src/common/faithfulness/index.js';

const findings = (report: string, text: string) => checkFaithfulness(report, text).map((c) => `${c.finding}/${c.kind}`);

test('reads presence, side and size from radiology and plain words alike', () => {
	assert.deepEqual(readStatements('Small left-sided effusion, moderate right pneumothorax.'), [
		{
			finding: 'Pleural Effusion',
			presence: 'stated',
			sides: ['left'],
			sizes: ['small'],
			sentence: 'Small left-sided effusion, moderate right pneumothorax.',
		},
		{
			finding: 'Pneumothorax',
			presence: 'stated',
			sides: ['right'],
			sizes: ['moderate'],
			sentence: 'Small left-sided effusion, moderate right pneumothorax.',
		},
	]);
	const lay = readStatements('There is a little fluid around both lungs. The breathing tube was taken out.', true);
	assert.deepEqual(
		lay.map((s) => [s.finding, s.presence, s.sides.join('+'), s.sizes.join('+')]),
		[
			['Pleural Effusion', 'stated', 'left+right', 'small'],
			['endotracheal tube', 'denied', '', ''],
		],
	);
});

test("the radiologist's cases: swapped side, changed size, fluid where the report denies it", () => {
	const report = 'Small left-sided effusion, moderate right pneumothorax.';
	assert.deepEqual(findings(report, 'There is air outside the left lung.'), ['Pneumothorax/side']);
	assert.deepEqual(findings(report, 'Moderate pleural effusion / small left pneumothorax.'), [
		'Pleural Effusion/size',
		'Pneumothorax/side',
	]);
	assert.deepEqual(findings('No pleural effusion.', 'There is fluid around the lung.'), [
		'Pleural Effusion/reported absent',
	]);
});

test('not contradictions: denials of unmentioned findings, explanations, softening hedges, omissions', () => {
	const report = 'Small left pleural effusion. Mild cardiomegaly.';
	assert.deepEqual(findings(report, 'No broken bones and no collapsed lung.'), []);
	assert.deepEqual(findings(report, 'A pneumothorax is when air leaks around the lung and it can collapse.'), []);
	assert.deepEqual(findings(report, 'There may be a small effusion on the left.'), []);
	assert.deepEqual(findings(report, 'Your heart is slightly enlarged.'), []);
	assert.deepEqual(findings(report, 'If the fluid grows, you may need a chest drain.'), []);
});

test('devices: added, removed, and "no lines or tubes" against a placed device', () => {
	assert.deepEqual(findings('No acute findings.', 'The breathing tube is in good position.'), [
		'endotracheal tube/unreported',
	]);
	assert.deepEqual(findings('Endotracheal tube has been removed.', 'The breathing tube is still in place.'), [
		'endotracheal tube/reported absent',
	]);
	assert.deepEqual(findings('Right IJ central line, tip in the SVC.', 'There are no lines or tubes.'), [
		'central line/denied',
	]);
	assert.deepEqual(findings('Tracheostomy tube in place.', 'The breathing tube in your neck is in place.'), []);
});

test('a denial contradicts a hedged finding; the indication is not a finding', () => {
	assert.deepEqual(findings('Cannot exclude left lower lobe pneumonia.', 'There is no pneumonia.'), [
		'Pneumonia/denied',
	]);
	assert.deepEqual(findings('INDICATION: evaluate for pneumonia.\nFINDINGS: Clear lungs.', 'No pneumonia.'), []);
});
