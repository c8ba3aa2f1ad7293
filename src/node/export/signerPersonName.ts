import { personNameFromReadable } from './ReportDocument.js';

/** Honorifics a reader may type before their name; they go in the PN's prefix component. */
const honorific = /^(dr|prof|mr|mrs|ms|mx|sir|dame)\.?$/i;

/**
 * The reader's name as a DICOM PN ("Dr. Ada Reader" becomes "Reader^Ada^^Dr."). Readers type their name
 * as they sign it, given name first; a PN with spaces and no components is the retired form that a strict
 * PACS flags. "Family, Given" and a PN already in components are taken as they are.
 */
export function signerPersonName(name: string): string {
	const typed = name.trim();
	if (typed.includes('^') || typed.includes(',')) return personNameFromReadable(typed);
	const words = typed.split(/\s+/).filter(Boolean);
	const prefixes: string[] = [];
	while (words.length > 1 && honorific.test(words[0]!)) prefixes.push(words.shift()!);
	const family = words.pop() ?? '';
	const [given = '', ...middle] = words;
	return [family, given, middle.join(' '), prefixes.join(' ')].join('^').replace(/\^+$/, '');
}
