import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageOrientation } from '../../../renderer/src/viewer/imageOrientation.js';
import { orientationMarkers } from '../../../renderer/src/viewer/orientationMarkers.js';

const asStored = { rotation: 0, hflip: false, vflip: false };
const letters = (m: { top: string; right: string; bottom: string; left: string }) =>
	`${m.top} ${m.right} ${m.bottom} ${m.left}`;

test('a PA chest (L\\F) shows R on the left, L on the right, H on top, F below', () => {
	assert.equal(letters(orientationMarkers(['L', 'F'], asStored)), 'H L F R');
});

test('flips swap the letters of their axis', () => {
	assert.equal(letters(orientationMarkers(['L', 'F'], { ...asStored, hflip: true })), 'H R F L');
	assert.equal(letters(orientationMarkers(['L', 'F'], { ...asStored, vflip: true })), 'F L H R');
});

test('a clockwise quarter turn moves each letter one edge on; turns are taken modulo 360', () => {
	assert.equal(letters(orientationMarkers(['L', 'F'], { ...asStored, rotation: 90 })), 'R H L F');
	assert.equal(letters(orientationMarkers(['L', 'F'], { ...asStored, rotation: 180 })), 'F R H L');
	assert.equal(letters(orientationMarkers(['L', 'F'], { ...asStored, rotation: 270 })), 'L F R H');
	assert.equal(letters(orientationMarkers(['L', 'F'], { ...asStored, rotation: -90 })), 'L F R H');
});

test('the image is flipped before it is turned, as cornerstone draws it', () => {
	// Flipped, the right edge faces R; a quarter turn clockwise takes it to the bottom.
	assert.equal(letters(orientationMarkers(['L', 'F'], { rotation: 90, hflip: true, vflip: false })), 'L H R F');
	// Both flips equal a half turn.
	const both = orientationMarkers(['L', 'F'], { rotation: 0, hflip: true, vflip: true });
	assert.deepEqual(both, orientationMarkers(['L', 'F'], { ...asStored, rotation: 180 }));
});

test('oblique directions reverse letter by letter', () => {
	assert.equal(letters(orientationMarkers(['LP', 'FA'], asStored)), 'HP LP FA RA');
});

test('orientation comes from Patient Orientation, else the view position convention, else nothing', () => {
	assert.deepEqual(imageOrientation(['R', 'F'], 'PA'), ['R', 'F']);
	assert.deepEqual(imageOrientation(null, 'PA'), ['L', 'F']);
	assert.deepEqual(imageOrientation(null, ' ap '), ['L', 'F']);
	assert.deepEqual(imageOrientation(null, 'LL'), ['P', 'F']);
	assert.deepEqual(imageOrientation(null, 'RL'), ['A', 'F']);
	assert.equal(imageOrientation(null, 'LATERAL'), null);
	assert.equal(imageOrientation(null, null), null);
	assert.equal(imageOrientation(undefined, ''), null);
});
