import { useEffect, type RefObject } from 'react';
import { isTextField } from '../viewer/isTextField.js';

/**
 * Esc closes the comparison, back to the single view; it runs before the viewer's own Esc (which goes
 * to the worklist), so one Esc never leaves the study. In a text field it first leaves the field, as there.
 */
export function useCloseOnEscape(onClose: () => void, view: RefObject<HTMLElement | null>): void {
	useEffect(() => {
		const onKey = (e: KeyboardEvent) => {
			if (e.key !== 'Escape' || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
			if (e.target instanceof Element && e.target.closest('[role="dialog"], [role="alertdialog"]')) return;
			e.preventDefault();
			if (!isTextField(e.target)) return onClose();
			view.current?.focus({ preventScroll: true });
			if (document.activeElement === e.target) e.target.blur();
		};
		// Capture: heard before any listener on the way down, so nothing else acts on this Esc.
		window.addEventListener('keydown', onKey, true);
		return () => window.removeEventListener('keydown', onKey, true);
	}, [onClose, view]);
}
