/* @jsxRuntime automatic */ // Also when run outside Vite (its unit test renders it through tsx).
import type { OutboxSummary } from '../../../src/common/api/outboxContract.js';

/** The status bar's word on reports on their way out: how many wait, and a warning when one was refused. */
export function OutboxIndicator({ summary, onOpen }: { summary: OutboxSummary | null; onOpen: () => void }) {
	if (!summary) return null;
	const { waiting, attention } = summary;
	const parts = [
		...(attention ? [`${attention} ${attention === 1 ? 'needs' : 'need'} attention`] : []),
		...(waiting ? [`${waiting} waiting`] : []),
	];
	return (
		<button
			type="button"
			className={attention ? 'outbox-indicator outbox-attention' : 'outbox-indicator'}
			data-testid="outbox-indicator"
			data-waiting={waiting}
			data-attention={attention}
			title="Reports on their way to the PACS and the RIS"
			onClick={onOpen}
		>
			{attention ? '⚠ ' : ''}Outbox: {parts.length ? parts.join(', ') : 'all sent'}
		</button>
	);
}
