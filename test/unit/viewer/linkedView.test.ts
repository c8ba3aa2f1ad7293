import assert from 'node:assert/strict';
import { test } from 'node:test';
import { followChange, viewChange, type LinkedView } from '../../../renderer/src/viewer/linkedView.js';

const view = (center: number, width: number, scale: number, x = 0, y = 0): LinkedView => ({
	voi: { windowCenter: center, windowWidth: width },
	scale,
	translation: { x, y },
});

test('a window/level drag moves the other viewport’s window by the same amounts, from its own window', () => {
	const change = viewChange(view(2048, 4096, 1), view(2148, 3996, 1))!;
	assert.deepEqual(followChange(view(500, 1000, 0.5), change).voi, { windowCenter: 600, windowWidth: 900 });
});

test('zoom repeats as a factor and pan as the same distance on screen, whatever the other image’s size', () => {
	const change = viewChange(view(0, 1, 1), view(0, 1, 2, 10, -5))!;
	const followed = followChange(view(0, 1, 0.5), change);
	assert.equal(followed.scale, 1);
	// 10 image pixels at zoom 2 are 20 CSS pixels: at zoom 1 that is 20 image pixels.
	assert.deepEqual(followed.translation, { x: 20, y: -10 });
});

test('no change in window, zoom or pan (an invert, a turn) is nothing to repeat; the width stays at least 1', () => {
	assert.equal(viewChange(view(1, 2, 3, 4, 5), view(1, 2, 3, 4, 5)), null);
	const narrower = viewChange(view(0, 100, 1), view(0, 1, 1))!;
	assert.equal(followChange(view(0, 50, 1), narrower).voi.windowWidth, 1);
});
