/** C0 and C1 controls, DEL, and the bidi overrides that can reorder what a terminal shows. */
const unsafe = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text from outside (DICOM names, file names, error messages quoting them) as a terminal may print it:
 * every control character becomes a visible escape such as `\x1B`, so an ESC sequence in a patient's
 * name cannot recolour, move the cursor or rewrite the screen, and a NUL cannot hide the rest.
 */
export function terminalText(text: string): string {
	return text.replace(unsafe, (c) => `\\x${c.codePointAt(0)!.toString(16).toUpperCase().padStart(2, '0')}`);
}
