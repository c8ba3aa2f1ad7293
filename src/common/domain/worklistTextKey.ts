import { foldSearchKey } from './foldSearchKey.js';
import { searchWordCharacters } from './searchWordCharacters.js';

const wordCharacter = new RegExp(`[${searchWordCharacters}]`, 'u');

/**
 * A patient name or ID as the worklist sorts it: folded as the search text is (foldSearchKey), so
 * "müller", "Muller" and "MÜLLER" sort together, as in a telephone book, and from its first letter or
 * digit, so the key starts with the first word the search index reads in it: the studies whose name (or
 * ID) starts with a typed word are one range of the sort's index. Without a letter or digit: '' (first).
 */
export function worklistTextKey(text: string): string {
	const folded = foldSearchKey(text);
	const at = folded.search(wordCharacter);
	return at < 0 ? '' : folded.slice(at);
}
