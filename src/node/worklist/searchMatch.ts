import { searchWords } from './searchWords.js';

/**
 * The FTS5 query for what the reader typed: folded as the index is (foldSearchKey), every word a prefix
 * ("mull" finds "Müller", "acc-12" finds "ACC-1234"), all words required. Each word is a quoted phrase, so
 * nothing typed is read as FTS syntax. Null when no word has a letter or digit (nothing to look up).
 */
export function searchMatch(text: string): string | null {
	const words = searchWords.typed(text);
	if (!words.length) return null;
	return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}
