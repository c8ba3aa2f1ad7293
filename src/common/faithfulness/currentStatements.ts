import type { FindingStatement } from './FindingStatement.js';
import { readStatements } from './readStatements.js';

/**
 * What a report says now, read from its parts in the order they were signed (findings and impression
 * as one part, then each addendum): for each finding, the statements of the latest part that mentions it. An addendum
 * "No pleural effusion on review." replaces the report's "Small right pleural effusion.".
 */
export function currentStatements(parts: readonly string[]): FindingStatement[] {
	const latest = new Map<string, FindingStatement[]>();
	for (const part of parts) {
		const said = readStatements(part);
		for (const finding of new Set(said.map((s) => s.finding)))
			latest.set(
				finding,
				said.filter((s) => s.finding === finding),
			);
	}
	return [...latest.values()].flat();
}
