import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BertWordPieceTokenizer, InvalidVocabulary } from '../../../src/common/labeler/BertWordPieceTokenizer.js';

/*
 * Expected tokens were worked out by hand from the algorithm of Google's original BERT tokenization.py
 * (BasicTokenizer: drop NUL, U+FFFD and control/format characters, whitespace incl. Zs to spaces, spaces
 * around CJK ideographs, lower-case and strip Mn accents after NFD when uncased, split on whitespace and on
 * punctuation, where every ASCII non-alphanumeric printable counts as punctuation; then WordpieceTokenizer:
 * greedy longest match from the word's start, "##" on continuations, the whole word [UNK] when any
 * remainder has no match or the word is over 100 characters). No reference implementation was run:
 * transformers is not installed here and nothing may be downloaded.
 */
const words = [
	'no',
	'pleural',
	'effusion',
	'.',
	',',
	'un',
	'##aff',
	'##able',
	'##a',
	'abc',
	'ab',
	'##cd',
	'cafe',
	'Effusion',
	'x',
	'##x',
	'a',
	'b',
	'+',
	'$',
	'中',
	'tube',
	'##s',
];
const vocabText = `${['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', ...words].join('\n')}\n`;
const id = (t: string) => ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', ...words].indexOf(t);
const uncased = BertWordPieceTokenizer.fromVocab(vocabText, { lowercase: true });
const cased = BertWordPieceTokenizer.fromVocab(vocabText, { lowercase: false });

test('basic tokenization: lower-cased, split on whitespace and punctuation, ASCII symbols count as punctuation', () => {
	assert.deepEqual(uncased.tokenize('No pleural effusion.'), ['no', 'pleural', 'effusion', '.']);
	assert.deepEqual(uncased.tokenize('  NO\tpleural\n\neffusion,no '), ['no', 'pleural', 'effusion', ',', 'no']);
	assert.deepEqual(
		uncased.tokenize('a+b$'),
		['a', '+', 'b', '$'],
		'+ and $ are Unicode symbols, but BERT splits every ASCII non-alphanumeric',
	);
	assert.deepEqual(uncased.tokenize('a\u00a0b'), ['a', 'b'], 'no-break space is whitespace (Zs)');
	assert.deepEqual(
		uncased.tokenize('effu\u200bsion'),
		['effusion'],
		'a zero-width space (format character) is dropped, not a split',
	);
	assert.deepEqual(uncased.tokenize('a中b'), ['a', '中', 'b'], 'CJK ideographs stand alone');
});

test('uncased strips accents; cased keeps case and accents', () => {
	assert.deepEqual(uncased.tokenize('Café'), ['cafe']);
	assert.deepEqual(uncased.tokenize('EFFUSION'), ['effusion']);
	assert.deepEqual(cased.tokenize('Effusion effusion'), ['Effusion', 'effusion']);
	assert.deepEqual(cased.tokenize('Café'), ['[UNK]'], 'cased: "Café" is not "cafe" and has no pieces');
	assert.deepEqual(cased.tokenize('EFFUSION'), ['[UNK]']);
});

test('WordPiece: longest match first with ## continuations; a word with an unmatched remainder is one [UNK]', () => {
	assert.deepEqual(uncased.tokenize('unaffable'), ['un', '##aff', '##able'], '##aff is preferred to the shorter ##a');
	assert.deepEqual(uncased.tokenize('tubes'), ['tube', '##s']);
	assert.deepEqual(
		uncased.tokenize('abcd'),
		['[UNK]'],
		'greedy takes "abc", then "##d" is unknown: the whole word is [UNK] although ab + ##cd would fit',
	);
	assert.deepEqual(uncased.tokenize('abcd ab'), ['[UNK]', 'ab']);
	assert.deepEqual(uncased.tokenize('zebra, no'), ['[UNK]', ',', 'no']);
});

test('WordPiece: a word of 100 characters is split, one of 101 is [UNK]', () => {
	assert.deepEqual(uncased.tokenize('x'.repeat(100)), ['x', ...Array<string>(99).fill('##x')]);
	assert.deepEqual(uncased.tokenize(`no ${'x'.repeat(101)} no`), ['no', '[UNK]', 'no']);
});

test('encode: [CLS] pieces [SEP]; longer than maxTokens keeps the first maxTokens - 1 ids and ends with [SEP]', () => {
	assert.deepEqual(uncased.encode('No effusion.', 512), [
		id('[CLS]'),
		id('no'),
		id('effusion'),
		id('.'),
		id('[SEP]'),
	]);
	assert.deepEqual(
		uncased.encode('', 512),
		[id('[CLS]'), id('[SEP]')],
		'an empty report is [CLS] [SEP], as in CheXbert',
	);
	assert.deepEqual(
		uncased.encode('no effusion', 4),
		[id('[CLS]'), id('no'), id('effusion'), id('[SEP]')],
		'exactly maxTokens: unchanged',
	);
	assert.deepEqual(uncased.encode('no pleural effusion', 4), [id('[CLS]'), id('no'), id('pleural'), id('[SEP]')]);
	assert.deepEqual(
		uncased.encode('tubes', 3),
		[id('[CLS]'), id('tube'), id('[SEP]')],
		'truncation may cut inside a word',
	);
	assert.equal(uncased.padId, 0);
});

test('vocabulary: ids are line numbers, the later of a duplicate wins; missing specials are refused', () => {
	assert.equal(uncased.vocabSize, words.length + 5);
	assert.throws(
		() => BertWordPieceTokenizer.fromVocab('[PAD]\n[UNK]\n[SEP]\nno\n', { lowercase: true }),
		InvalidVocabulary,
	);
	const twice = BertWordPieceTokenizer.fromVocab('[PAD]\n[UNK]\n[CLS]\n[SEP]\nno\nno\n', { lowercase: true });
	assert.deepEqual(
		twice.encode('no', 8),
		[2, 5, 3],
		'a token listed twice has its later id (transformers load_vocab and the Rust WordPiece::read_file do so)',
	);
	const crlf = BertWordPieceTokenizer.fromVocab('[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nno\r\n', { lowercase: true });
	assert.deepEqual(crlf.encode('no', 8), [2, 4, 3]);
});
