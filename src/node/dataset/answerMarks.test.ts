import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerMarks } from './answerMarks.js';

test('side, size and zone words are marked in any case, with or without their space', () => {
	const pieces = ['A', ' small', ' amount', ' around', ' the', ' Left', ' lung', ' (', 'moderate', ' upper', ')'];
	assert.deepEqual(answerMarks(pieces).details, [1, 5, 8, 9]);
});

test('only tokens between quote marks are quoted; a detail word inside a quote counts once, as a detail', () => {
	const pieces = ['The', ' report', ' states', ':', ' "', 'There', ' is', ' a', ' large', ' effusion', '."', ' So'];
	const marks = answerMarks(pieces);
	assert.deepEqual(marks.quoted, [5, 6, 7, 9]);
	assert.deepEqual(marks.details, [8]);
});

test('a token that opens and closes a quote leaves the state as it was', () => {
	const marks = answerMarks(['"', 'a', '""', 'b', '"', 'c']);
	assert.deepEqual(marks.quoted, [1, 3]);
});

test('words that merely contain a detail word are not marked', () => {
	assert.deepEqual(answerMarks(['leftover', ' smaller', ' rightly', ' lung']).details, []);
});
