import { checkFaithfulness } from './checkFaithfulness.js';
import type { Contradiction } from './Contradiction.js';
import { currentStatements } from './currentStatements.js';

/**
 * The contradictions between a derived text and a report as it stands now: its parts in signing order
 * (findings and impression as one, then each signed addendum), the latest statement of each finding winning.
 */
export function checkAgainstReport(parts: readonly string[], text: string): Contradiction[] {
	return checkFaithfulness(currentStatements(parts), text);
}
