/**
 * The characters the search index reads as a word's letters: FTS5's unicode61 tokenizer with its default
 * categories (letters, digits, private use) and tokenchars '%_'; anything else separates words. As a
 * regular expression character class body, for the `u` flag. One definition, because the search checks,
 * the name and ID sort keys and the search plans that seek with them must split text exactly as the index
 * does.
 */
export const searchWordCharacters = String.raw`\p{L}\p{N}\p{Co}%_`;
