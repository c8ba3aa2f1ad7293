import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFindings } from '../../common/radialog/reportGenerationMessage.js';
import { phantomSourceImages } from './phantomSourceImages.js';

const seeds = Array.from({ length: 60 }, (_, i) => 1 + i);
const prompted = (variation: number) =>
	phantomSourceImages(seeds, variation).images.map((img) => formatFindings(img.predictedFindings ?? img.labels));

test('odd variations give a phantom without findings to the prompt as "no common findings"', () => {
	const even = prompted(0);
	const odd = prompted(1);
	const normal = even.flatMap((f, i) => (f === 'no finding' ? [i] : []));
	assert.ok(normal.length > 0, 'the seeds include phantoms without findings');
	assert.ok(!even.includes('no common findings'));
	for (const i of normal) assert.equal(odd[i], 'no common findings');
	// Phantoms with findings are named the same in both.
	even.forEach((f, i) => normal.includes(i) || assert.equal(odd[i], f));
});
