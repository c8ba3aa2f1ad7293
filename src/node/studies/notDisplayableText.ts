/** What the reader and IT see for an image that is stored but whose pixels cannot be shown. */
export function notDisplayableText(reason: string): string {
	return `Stored but not displayable: ${reason}`;
}
