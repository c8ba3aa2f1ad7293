// The search signature never rules out a study that holds the typed words (a walk would lose it), and rules
// out most studies that do not (else the walk still reads every text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldSearchKey } from '../../../src/common/domain/foldSearchKey.js';
import {
	searchSignature,
	searchSignatureMask,
	unknownSearchSignature,
} from '../../../src/common/domain/searchSignature.js';
import { searchWordCharacters } from '../../../src/common/domain/searchWordCharacters.js';
import { searchWords } from '../../../src/node/worklist/searchWords.js';

const pieces = [
	'müller',
	'o',
	"'",
	'brien',
	'straße',
	'ωmega',
	'ærø',
	'acc',
	'000',
	'13',
	'50%',
	'off_sa',
	'x',
	'-',
	'p.a.',
	'thorax',
	'𝔄bc',
	'\u{E001}ab',
	'jean',
	'luc',
	'li',
	'chest',
	' ',
	' ',
	', ',
	'^',
	'(',
	')',
];

function random(seed: number): (n: number) => number {
	let x = seed;
	return (n) => {
		x = (Math.imul(x, 1103515245) + 12345) >>> 0;
		return (x >>> 8) % n;
	};
}

const holds = (signature: number, mask: number) => (BigInt(signature) & BigInt(mask)) === BigInt(mask);

test('a study holding the typed words always passes its signature', () => {
	const pick = random(7);
	for (let i = 0; i < 3000; i++) {
		const text = foldSearchKey(Array.from({ length: 3 + pick(12) }, () => pieces[pick(pieces.length)]).join(''));
		const tokens = text.match(new RegExp(`[${searchWordCharacters}]+`, 'gu')) ?? [];
		if (!tokens.length) continue;
		// A typed word: a run of the text's words, the last cut to a prefix, joined by punctuation or not.
		const at = pick(tokens.length);
		const run = tokens.slice(at, at + 1 + pick(3));
		const last = [...run.at(-1)!];
		run[run.length - 1] = last.slice(0, 1 + pick(last.length)).join('');
		const typed = searchWords.typed([run.join(pick(2) ? '-' : "'"), tokens[pick(tokens.length)]!].join(' '));
		const words = searchWords.tokens(typed);
		assert.ok(searchWords.hit(text, words), `${text} holds ${typed.join(' ')}`);
		assert.ok(holds(searchSignature(text), searchSignatureMask(words)), `${text} / ${typed.join(' ')}`);
		assert.ok(holds(unknownSearchSignature, searchSignatureMask(words)));
	}
});

test('most studies without the typed word fail their signature; short words rule out nothing', () => {
	const pick = random(11);
	const letters = 'abcdefghijklmnoprstuvwyzäöü';
	let without = 0;
	let passed = 0;
	for (let i = 0; i < 4000; i++) {
		const word = () => Array.from({ length: 3 + pick(6) }, () => letters[pick(letters.length)]).join('');
		const text = Array.from({ length: 8 }, word).join(' ');
		const typed = [word()];
		const words = searchWords.tokens(typed);
		if (searchWords.hit(text, words)) continue;
		without++;
		if (holds(searchSignature(text), searchSignatureMask(words))) passed++;
	}
	// Eight words set at most 16 of 47 bits: a third word's two bits are both set about one time in ten.
	assert.ok(passed / without < 0.2, `${passed} of ${without} passed`);
	assert.equal(searchSignatureMask(searchWords.tokens(['ab', 'c'])), 0);
	assert.ok(searchSignatureMask(searchWords.tokens(['abc'])) > 0);
});
