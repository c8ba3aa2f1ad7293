/**
 * The word tokens text metrics compare: lower-cased runs of letters and digits, punctuation dropped
 * (as the caption-evaluation tools do after their tokenizer). "4.5 cm" gives ["4", "5", "cm"].
 */
export function reportTokens(text: string): string[] {
	return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
