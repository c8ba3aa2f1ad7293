import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBatcher } from './TokenBatcher.js';

test('streamed text goes out at once, then at most once per interval, complete and in order after flush', async () => {
	const sent: [string, number | null][] = [];
	const batcher = new TokenBatcher((text, tps) => sent.push([text, tps]), 50);
	batcher.add('The', null);
	assert.deepEqual(sent, [['The', null]], 'the first token is not held back');
	for (const word of [' heart', ' is', ' normal']) batcher.add(word, 10);
	assert.equal(sent.length, 1, 'tokens within the interval wait');
	await new Promise((r) => setTimeout(r, 80));
	assert.deepEqual(sent[1], [' heart is normal', 10], 'one message for the waiting tokens');
	batcher.add(' in', 11);
	batcher.add(' size.', 12);
	batcher.flush();
	batcher.flush();
	assert.equal(sent.map(([t]) => t).join(''), 'The heart is normal in size.');
	assert.equal(sent.length, 3);
	await new Promise((r) => setTimeout(r, 80));
	assert.equal(sent.length, 3, 'nothing is sent after the flush');
});
