import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCorrection } from '../../../src/common/faithfulness/index.js';

const before = 'The heart is enlarged. There is a small right pneumothorax. There is pulmonary edema.';
const removeHeart = { add: [], remove: ['Cardiomegaly'] };
const messages = (after: string, asked: { add: string[]; remove: string[] } = removeHeart) => {
	const c = checkCorrection(before, after, asked);
	return [...c.unasked, ...c.changed].map((i) => i.message);
};

test('a faithful rewrite lists nothing', () => {
	assert.deepEqual(checkCorrection(before, before, { add: [], remove: [] }), { unasked: [], changed: [] });
	assert.deepEqual(messages('There is a small right pneumothorax. There is pulmonary edema.'), []);
});

test('a finding the reader did not ask for appears', () => {
	const c = checkCorrection(
		before,
		'There is a small right pneumothorax. Pulmonary edema. Right rib fracture.',
		removeHeart,
	);
	assert.deepEqual(c.changed, []);
	assert.deepEqual(
		c.unasked.map((i) => [i.finding, i.change, i.sentence]),
		[['Fracture', 'appeared', 'Right rib fracture.']],
	);
	assert.equal(c.unasked[0]!.message, 'Fracture: added without being asked');
});

test('a finding the reader did not ask to remove disappears, or is denied', () => {
	assert.deepEqual(messages('There is a small right pneumothorax.'), ['Edema: removed without being asked']);
	assert.deepEqual(messages('There is a small right pneumothorax. No pulmonary edema.'), [
		'Edema: removed without being asked',
	]);
});

test('an untouched finding moves to the other side', () => {
	const c = checkCorrection(before, 'There is a small left pneumothorax. There is pulmonary edema.', removeHeart);
	assert.deepEqual(c.unasked, []);
	assert.deepEqual(
		c.changed.map((i) => [i.finding, i.change, i.before, i.after]),
		[['Pneumothorax', 'side', 'right', 'left']],
	);
	assert.equal(c.changed[0]!.message, 'Pneumothorax: side changed from right to left without being asked');
});

test('an untouched finding changes size; side and size both are listed', () => {
	assert.deepEqual(messages('There is a moderate right pneumothorax. There is pulmonary edema.'), [
		'Pneumothorax: size changed from small to moderate without being asked',
	]);
	assert.deepEqual(messages('Moderate left pneumothorax. Pulmonary edema.'), [
		'Pneumothorax: side changed from right to left without being asked',
		'Pneumothorax: size changed from small to moderate without being asked',
	]);
});

test('asked changes are not listed, whatever the rewrite does with them', () => {
	const asked = { add: ['Pleural Effusion'], remove: ['Cardiomegaly', 'Pneumothorax'] };
	assert.deepEqual(messages('There is pulmonary edema. Small left pleural effusion.', asked), []);
	// Asked to remove the pneumothorax, the model only moved it: the reader sees that in the text itself.
	assert.deepEqual(messages('Small left pneumothorax. There is pulmonary edema.', asked), []);
	const devices = checkCorrection('No lines or tubes.', 'An endotracheal tube is in place.', {
		add: ['Support Devices'],
		remove: [],
	});
	assert.deepEqual(devices, { unasked: [], changed: [] });
});
