import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DerivedTextTally } from '../../../src/common/faithfulness/DerivedTextTally.js';

const report =
	'There is a small left-sided pleural effusion. There is a moderate right pneumothorax. Heart is enlarged.';

test('follow-ups: side agreement over the answers that name a side; silence counts only against naming', () => {
	const t = new DerivedTextTally();
	t.followUp(report, 'A small amount of fluid around the left lung. Air outside the right lung.');
	t.followUp(report, 'Fluid around the right lung.');
	t.followUp(report, 'Fluid around the lung and an enlarged heart.');
	t.followUp('The heart is enlarged.', 'Your heart is bigger than usual.');
	const r = t.rates();
	assert.deepEqual(r.namesSide, { count: 2, of: 3, rate: 2 / 3 });
	assert.deepEqual(r.sideAgreement, { count: 1, of: 2, rate: 0.5 });
});

test('corrections: an unasked finding added or dropped, and the side of untouched findings', () => {
	const t = new DerivedTextTally();
	const asked = { add: [], remove: ['Cardiomegaly'] };
	t.correction(
		report,
		'There is a small left-sided pleural effusion. There is a moderate right pneumothorax.',
		asked,
	);
	t.correction(
		report,
		'There is a small right-sided pleural effusion. There is a moderate right pneumothorax.',
		asked,
	);
	t.correction(report, 'Small left effusion. Moderate right pneumothorax. An endotracheal tube is in place.', asked);
	t.correction(report, 'Small left effusion.', asked);
	const r = t.rates();
	assert.deepEqual(r.unaskedChange, { count: 2, of: 4, rate: 0.5 }, 'the tube added; the pneumothorax dropped');
	// 2 + 2 + 2 + 1 untouched sided findings still present; the effusion moved once.
	assert.deepEqual(r.untouchedSideKept, { count: 6, of: 7, rate: 6 / 7 });
});

test('reasoning: quotes found in the report, and how often an answer quotes at all', () => {
	const t = new DerivedTextTally();
	t.reasoningAnswer(report, 'The report states: "There is a moderate right pneumothorax."');
	t.reasoningAnswer(report, 'The report states: "There is a large right-sided pleural effusion."');
	t.reasoningAnswer(report, 'Because of the fluid.');
	const r = t.rates();
	assert.deepEqual(r.quotesInReport, { count: 1, of: 2, rate: 0.5 });
	assert.deepEqual(r.reasoningQuotes, { count: 2, of: 3, rate: 2 / 3 });
});

test('nothing counted: every rate is null, not 0 % or 100 %', () => {
	for (const r of Object.values(new DerivedTextTally().rates())) assert.equal(r.rate, null);
});
