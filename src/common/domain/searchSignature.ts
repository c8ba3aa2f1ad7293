import { searchWordCharacters } from './searchWordCharacters.js';

const word = new RegExp(`[${searchWordCharacters}]+`, 'gu');

/** Bits of a signature: 47 fit a JavaScript number exactly and SQLite's 6-byte integers. */
const bits = 47;
/** A word's first three letters: the shortest typed word a signature speaks for. */
const prefixLength = 3;

/** Two bits for a word's first three letters (FNV-1a, then a second mix for the second bit). */
function bitsOf(w: string): [number, number] {
	let h = 0x811c9dc5;
	for (const c of [...w].slice(0, prefixLength)) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193);
	return [(h >>> 0) % bits, (Math.imul(h, 0x9e3779b1) >>> 15) % bits];
}

/** The bits as a number: the low 32 with bit operations, the rest by multiplication (exact below 2^53). */
function toNumber(set: readonly number[]): number {
	let low = 0;
	let high = 0;
	for (const b of set) {
		if (b < 32) low |= 1 << b;
		else high |= 1 << (b - 32);
	}
	return high * 2 ** 32 + (low >>> 0);
}

/**
 * A study's search signature: for each word of its folded search text with three letters or more, two of 47
 * bits picked by the word's first three letters. A typed word can only be in the text if its first three
 * letters' bits are all set, so a walk along a sort's index (which holds the signature) skips about nine
 * studies in ten without reading their text. A filter, never an answer: the text is still checked.
 */
export function searchSignature(foldedText: string): number {
	return toNumber((foldedText.match(word) ?? []).filter(long).flatMap(bitsOf));
}

/**
 * The bits a study's signature must hold to contain the typed words, given as the index reads them (each
 * typed word's tokens, folded): the first three letters of each token that has three. Tokens before a
 * word's last are whole words of the text; the last is a prefix of one; either way the text holds a word
 * with the same first three letters. 0 (every study) when no token is long enough.
 */
export function searchSignatureMask(tokens: readonly (readonly string[])[]): number {
	return toNumber(tokens.flat().filter(long).flatMap(bitsOf));
}

function long(w: string): boolean {
	return [...w].length >= prefixLength;
}

/** A signature with every bit set: "not known yet", which every search checks against the text. */
export const unknownSearchSignature = 2 ** bits - 1;
