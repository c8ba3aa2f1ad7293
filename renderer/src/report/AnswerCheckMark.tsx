/* @jsxRuntime automatic */ // Also when run outside Vite (its unit test renders it through tsx).
import type { ChatMessage } from '../../../src/common/api/reportContract.js';

type AnswerCheck = NonNullable<ChatMessage['check']>;

/** What the check found in one answer, one line each; empty when nothing. */
function problems(c: AnswerCheck): string[] {
	const lines = c.contradictions.map((x) =>
		x.report ? `"${x.text}" contradicts the report: "${x.report}"` : `"${x.text}" is not in the report`,
	);
	return c.quoteNotInReport ? ['A quoted passage is not in the report', ...lines] : lines;
}

/**
 * The one warning mark of an answer that disagrees with the report as it stands: a made-up quote reads
 * "not in the report", anything else "contradicts the report"; the details are in its label. One mark,
 * however many problems: a column of marks would be read past.
 */
export function AnswerCheckMark({ check }: { check: AnswerCheck | null }) {
	if (!check) return null;
	const lines = problems(check);
	if (!lines.length) return null;
	const kind = check.quoteNotInReport ? 'quote' : 'contradiction';
	return (
		<span
			className="rp-msg-warning"
			data-testid="chat-check-warning"
			data-kind={kind}
			role="img"
			aria-label={`Check against the report: ${lines.join('; ')}`}
			title={lines.join('\n')}
		>
			⚠ {check.quoteNotInReport ? 'not in the report' : 'contradicts the report'}
		</span>
	);
}
