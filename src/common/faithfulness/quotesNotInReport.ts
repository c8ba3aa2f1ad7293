import { reportQuotes } from './reportQuotes.js';

/** The passages a text quotes as from the report that the report does not contain (see `reportQuotes`). */
export function quotesNotInReport(reportParts: readonly string[], text: string): string[] {
	return reportQuotes(reportParts, text)
		.filter((q) => !q.inReport)
		.map((q) => q.passage);
}
