import type { ChatMessage } from '../../common/api/reportContract.js';
import { checkAnswer } from '../../common/faithfulness/index.js';

/**
 * The conversation with every answer checked against the report as it stands now (its parts in signing
 * order), not as it stood when the answer came: after the reader rewrites a sentence or signs an addendum,
 * an answer quoting the old wording is marked. Questions and proposed corrections (which differ from the
 * report by design) carry no check.
 */
export function checkedMessages(messages: readonly ChatMessage[], parts: readonly string[]): ChatMessage[] {
	return messages.map((m) =>
		m.role === 'assistant' && m.task !== 'CO' ? { ...m, check: checkAnswer(parts, m.text) } : { ...m, check: null },
	);
}
