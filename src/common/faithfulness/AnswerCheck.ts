import type { Contradiction } from './Contradiction.js';

/** What the checker found in one assistant answer, stored with it. */
export interface AnswerCheck {
	readonly contradictions: Contradiction[];
	/** A passage quoted as the report's that the report does not contain. */
	readonly quoteNotInReport: boolean;
}
