/**
 * Text folded for search: compatibility-decomposed (NFKD), combining marks dropped, case folded, so
 * "muller" finds "Müller" and "ÉLODIE" finds "Élodie". Upper then lower case folds ß to ss as well.
 * Stored beside each patient (patients.search_key) and applied to the search text the same way.
 */
export function foldSearchKey(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase().normalize('NFKC');
}
