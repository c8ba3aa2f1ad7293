import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frontalAndLateral } from '../../../renderer/src/viewer/frontalAndLateral.js';
import { viewDescription } from '../../../renderer/src/viewer/viewDescription.js';

const views = (...v: (string | null)[]) => v.map((viewPosition) => ({ viewPosition }));

test('a study with a frontal and a lateral view is shown side by side, frontal first', () => {
	assert.deepEqual(frontalAndLateral(views('PA', 'LL')), { frontal: 0, lateral: 1 });
	assert.deepEqual(frontalAndLateral(views('LATERAL', null, 'ap')), { frontal: 2, lateral: 0 });
	assert.equal(frontalAndLateral(views('PA')), null);
	assert.equal(frontalAndLateral(views('PA', 'AP')), null);
	assert.equal(frontalAndLateral(views(null, 'LL')), null);
});

test('the flips and turn read as words; nothing for an image as stored', () => {
	assert.equal(viewDescription({ rotation: 0, hflip: false, vflip: false }), '');
	assert.equal(viewDescription({ rotation: 90, hflip: true, vflip: false }), 'Flipped H · Rotated 90°');
	assert.equal(viewDescription({ rotation: 0, hflip: false, vflip: true }), 'Flipped V');
});
