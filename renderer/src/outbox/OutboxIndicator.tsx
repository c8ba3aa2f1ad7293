/* @jsxRuntime automatic */ // Also when run outside Vite (its unit test renders it through tsx).
import type { OutboxList } from '../../../src/common/api/outboxContract.js';

/**
 * The status bar's word on reports on their way out: how many wait, and a warning when one was refused.
 * Nothing until a report was queued: a workstation sending nowhere has no outbox to speak of.
 */
export function OutboxIndicator({ list, onOpen }: { list: OutboxList | null; onOpen: () => void }) {
	if (!list || list.items.length === 0) return null;
	const { waiting, attention } = list;
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
