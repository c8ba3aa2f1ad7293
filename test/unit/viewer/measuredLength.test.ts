import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measuredLength } from '../../../renderer/src/viewer/measuredLength.js';

test('Pixel Spacing gives millimetres', () => {
	const m = measuredLength({ x: 0, y: 0 }, { x: 30, y: 40 }, [0.2, 0.2], 'patient');
	assert.equal(m.unit, 'mm');
	assert.ok(Math.abs(m.value - 10) < 1e-9);
	assert.equal(m.text, '10.0 mm');
});

test('row and column spacing apply to their own axis: [row, column] scales y then x', () => {
	// Along a row (x) is column spacing 0.1; down a column (y) is row spacing 0.3.
	assert.ok(Math.abs(measuredLength({ x: 0, y: 0 }, { x: 100, y: 0 }, [0.3, 0.1], 'patient').value - 10) < 1e-9);
	assert.ok(Math.abs(measuredLength({ x: 0, y: 0 }, { x: 0, y: 100 }, [0.3, 0.1], 'patient').value - 30) < 1e-9);
	const diagonal = measuredLength({ x: 10, y: 10 }, { x: 40, y: 50 }, [0.3, 0.1], 'patient').value;
	assert.ok(Math.abs(diagonal - Math.hypot(3, 12)) < 1e-9);
});

test('Imager Pixel Spacing is labelled as measured at the detector', () => {
	const m = measuredLength({ x: 0, y: 0 }, { x: 0, y: 50 }, [0.15, 0.1], 'detector');
	assert.equal(m.text, '7.5 mm at detector');
});

test('without spacing the length is in pixels and says it is uncalibrated', () => {
	const m = measuredLength({ x: 1, y: 1 }, { x: 4, y: 5 }, null, null);
	assert.equal(m.unit, 'px');
	assert.equal(m.value, 5);
	assert.equal(m.text, '5 px uncalibrated');
});
