import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const focusableSelector = 'input:not([disabled]), button:not([disabled]), textarea, [tabindex="0"]';

/**
 * A modal question about the report: Tab stays inside, Esc cancels, and the keyboard goes back to where
 * it was when the dialog opened. `onEnter` gets Enter pressed anywhere but on a button (which clicks).
 */
export function ReportDialog(p: {
	title: string;
	testId: string;
	onCancel: () => void;
	onEnter?: () => void;
	/** Where the keyboard goes back to; by default whatever had focus when the dialog opened. */
	returnFocusTo?: HTMLElement | null;
	children: ReactNode;
}) {
	const box = useRef<HTMLDivElement>(null);
	const { onCancel, returnFocusTo } = p;
	useEffect(() => {
		const before = returnFocusTo ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
		const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current;
		first?.focus();
		return () => {
			// Back to the control that opened it (the editor, the sign button), where it still is.
			if (before?.isConnected) before.focus();
		};
	}, [returnFocusTo]);
	const onKeyDown = (e: KeyboardEvent) => {
		if (e.key === 'Escape') {
			e.preventDefault();
			e.stopPropagation();
			onCancel();
		} else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
			e.preventDefault();
			e.stopPropagation();
			p.onEnter?.();
		} else if (e.key === 'Tab' && box.current) {
			const all = [...box.current.querySelectorAll<HTMLElement>(focusableSelector)];
			const first = all[0],
				last = all.at(-1);
			const at = document.activeElement;
			if (e.shiftKey && (at === first || at === box.current)) {
				e.preventDefault();
				last?.focus();
			} else if (!e.shiftKey && at === last) {
				e.preventDefault();
				first?.focus();
			}
		}
	};
	return (
		<div className="rp-backdrop modal-backdrop" role="presentation">
			<div
				ref={box}
				className="rp-dialog modal-panel"
				role="dialog"
				aria-modal="true"
				aria-label={p.title}
				data-testid={p.testId}
				tabIndex={-1}
				onKeyDown={onKeyDown}
			>
				<h2>{p.title}</h2>
				{p.children}
			</div>
		</div>
	);
}
