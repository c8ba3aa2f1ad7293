import { csvRecords } from '../dataset/parseCsv.js';

/** CSV rows keyed by lower-cased header names, so column look-ups ignore the writer's capitalization. */
export function lowerCaseCsvRecords(text: string): Record<string, string>[] {
	return csvRecords(text, (h) => h.trim().toLowerCase());
}
