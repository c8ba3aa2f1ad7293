import { useRef, useState } from 'react';
import { OutboxIndicator } from './OutboxIndicator.js';
import { OutboxPanel } from './OutboxPanel.js';
import { useOutbox } from './useOutbox.js';
import './outbox.css';

/** The outbox's indicator in the status bar and its panel, which gives focus back when it closes. */
export function OutboxStatus() {
	const { list, retry, error } = useOutbox();
	const [open, setOpen] = useState(false);
	const opener = useRef<HTMLElement | null>(null);
	return (
		<>
			<OutboxIndicator
				list={list}
				onOpen={() => {
					if (document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
					setOpen(true);
				}}
			/>
			{open && (
				<OutboxPanel
					list={list}
					error={error}
					onRetry={retry}
					onClose={() => {
						setOpen(false);
						requestAnimationFrame(() => opener.current?.focus());
					}}
				/>
			)}
		</>
	);
}
