const notText = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Where a key is the reader's typing: text inputs, text areas, selects and editable text. */
export function isTextField(el: EventTarget | null): el is HTMLElement {
	if (!(el instanceof HTMLElement)) return false;
	if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
	return el instanceof HTMLInputElement && !notText.has(el.type);
}
