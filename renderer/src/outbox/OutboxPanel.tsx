/* @jsxRuntime automatic */ // Also when run outside Vite (its unit test renders it through tsx).
import { useEffect, useRef } from 'react';
import type { OutboxItem, OutboxList } from '../../../src/common/api/outboxContract.js';

const stateText: Record<OutboxItem['state'], string> = {
	waiting: 'Waiting',
	delivered: 'Delivered',
	attention: 'Needs attention',
};

/** "14:05:12" in the reader's time zone, or a dash. */
function clock(iso: string | null): string {
	return iso ? new Date(iso).toLocaleTimeString() : '—';
}

/**
 * Every report not yet delivered and the latest deliveries: study, destination, state, attempts, the
 * last error in the destination's own words, the next try; Retry now for what is not delivered.
 */
export function OutboxPanel({
	list,
	error,
	onRetry,
	onClose,
}: {
	list: OutboxList | null;
	error: string | null;
	onRetry: (itemId: number) => void;
	onClose: () => void;
}) {
	const dialog = useRef<HTMLDivElement>(null);
	useEffect(() => dialog.current?.focus(), []);
	// On the window, not the dialog: a Retry now button that vanished on delivery takes the focus with it.
	useEffect(() => {
		const onKey = (e: KeyboardEvent) => {
			if (e.key === 'Escape') onClose();
		};
		window.addEventListener('keydown', onKey);
		return () => window.removeEventListener('keydown', onKey);
	}, [onClose]);
	return (
		<div className="outbox-backdrop modal-backdrop" role="presentation" onClick={onClose}>
			<div
				ref={dialog}
				className="outbox-dialog modal-panel"
				role="dialog"
				aria-modal="true"
				aria-labelledby="outbox-title"
				data-testid="outbox-panel"
				tabIndex={-1}
				onClick={(e) => e.stopPropagation()}
			>
				<h2 id="outbox-title">Outbox</h2>
				{error && (
					<div className="banner banner-error" role="alert">
						{error}
					</div>
				)}
				{list && list.items.length === 0 && <p className="muted">No reports have been sent yet.</p>}
				{list && list.items.length > 0 && (
					<table className="outbox-table">
						<thead>
							<tr>
								<th>Study</th>
								<th>Destination</th>
								<th>State</th>
								<th>Attempts</th>
								<th>Last error</th>
								<th>Next try</th>
								<th />
							</tr>
						</thead>
						<tbody>
							{list.items.map((i) => (
								<tr
									key={i.id}
									data-testid="outbox-item"
									data-state={i.state}
									className={`outbox-${i.state}`}
								>
									<td>
										{i.patientName}
										{i.accessionNumber ? ` · ${i.accessionNumber}` : ''}
										{i.revision ? ` · addendum ${i.revision}` : ''}
									</td>
									<td>{i.destination}</td>
									<td data-testid="outbox-state">{stateText[i.state]}</td>
									<td>{i.attempts}</td>
									<td className="outbox-error" data-testid="outbox-error">
										{i.lastError ?? ''}
									</td>
									<td>{i.state === 'waiting' ? clock(i.nextTryAt) : '—'}</td>
									<td>
										{i.state !== 'delivered' && (
											<button
												type="button"
												data-testid="outbox-retry"
												onClick={() => onRetry(i.id)}
											>
												Retry now
											</button>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
				<div className="outbox-actions">
					<span className="muted">Escape closes</span>
					<button type="button" onClick={onClose} data-testid="outbox-close">
						Close
					</button>
				</div>
			</div>
		</div>
	);
}
