import { foldSearchKey } from '../../common/domain/foldSearchKey.js';
import { searchWordCharacters } from '../../common/domain/searchWordCharacters.js';

/**
 * What the reader typed as the search index reads it, for checking one study's folded text without the
 * index: the words of the text and of the search split as FTS5's unicode61 tokenizer splits them (letters,
 * digits, private-use characters, `%` and `_`; anything else separates), since the text is already folded.
 * A typed word matches where its tokens follow each other in the text, the last one as a prefix, exactly
 * as its quoted FTS5 phrase with `*` does (searchMatch).
 */
const token = new RegExp(`[${searchWordCharacters}]+`, 'gu');

export const searchWords = {
	/** The typed words, folded as the index is; those without a letter or digit are left out. */
	typed(text: string): string[] {
		return foldSearchKey(text)
			.split(/\s+/)
			.filter((w) => /[\p{L}\p{N}%_]/u.test(w));
	},

	/** Each typed word's tokens. */
	tokens(words: readonly string[]): string[][] {
		return words.map((w) => w.match(token) ?? []);
	},

	/** Whether `text` (folded as the index is) holds every typed word. */
	hit(text: string, words: readonly (readonly string[])[]): boolean {
		const tokens = text.match(token) ?? [];
		return words.every((w) => tokens.some((_, i) => follows(tokens, i, w)));
	},
};

function follows(tokens: readonly string[], at: number, word: readonly string[]): boolean {
	const last = word.length - 1;
	for (let j = 0; j < last; j++) if (tokens[at + j] !== word[j]) return false;
	return tokens[at + last]?.startsWith(word[last]!) ?? false;
}
