import type { AnswerCheck } from './AnswerCheck.js';
import { checkAgainstReport } from './checkAgainstReport.js';
import { quotesNotInReport } from './quotesNotInReport.js';

/**
 * One assistant answer against the report as it stands (its parts in signing order): the findings it
 * contradicts, and whether it quotes the report with words the report does not contain.
 */
export function checkAnswer(reportParts: readonly string[], answer: string): AnswerCheck {
	return {
		contradictions: checkAgainstReport(reportParts, answer),
		quoteNotInReport: quotesNotInReport(reportParts, answer).length > 0,
	};
}
