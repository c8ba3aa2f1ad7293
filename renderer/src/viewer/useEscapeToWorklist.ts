import { useEffect, type RefObject } from 'react';
import { isTextField } from './isTextField.js';

/**
 * Esc goes back to the worklist from anywhere in the study. In a text field it first leaves the field for
 * the viewer, so one stray Esc never closes a report being typed and the viewer's keys work at once.
 * Dialogs keep their own Esc.
 */
export function useEscapeToWorklist(onClose: () => void, viewer: RefObject<HTMLElement | null>): void {
	useEffect(() => {
		const onKey = (e: KeyboardEvent) => {
			if (e.key !== 'Escape' || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
			if (e.target instanceof Element && e.target.closest('[role="dialog"], [role="alertdialog"]')) return;
			e.preventDefault();
			if (!isTextField(e.target)) return onClose();
			viewer.current?.focus({ preventScroll: true });
			if (document.activeElement === e.target) e.target.blur();
		};
		window.addEventListener('keydown', onKey);
		return () => window.removeEventListener('keydown', onKey);
	}, [onClose, viewer]);
}
