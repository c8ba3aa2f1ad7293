/** One sentence that may state findings: as written, and lower-cased for reading. */
export interface FindingSentence {
	readonly written: string;
	readonly lower: string;
}

// Sections that describe the request or the method, not this examination's findings.
const otherSection =
	/^(?:indication|history|clinical (?:history|information|indication)|reason for (?:exam|study)|comparison|technique|procedure|examination)\s*:/;
const findingSection = /^(?:findings?|impression|conclusion|summary|opinion|result)\s*:/;

// A sentence about the term in general, not about this patient ("an effusion is a build-up of fluid").
const generalCue =
	/\b(?:means?|refers? to|is (?:a|an|the) (?:\w+ )?(?:condition|term|word|name|collection|build-?up|type|kind|sign)|is when|(?:happens?|occurs?) when|(?:is|are|can be|may be) (?:often |usually |commonly )?caused by|can (?:cause|lead|happen|occur|make)|usually|often|commonly|typically|in general|generally|people (?:with|who))\b/;
const aboutThisPatient =
	/\b(?:you|your|the patient|this (?:x-?ray|image|film|study|scan|exam|radiograph)|the (?:x-?ray|image|film|study|scan|exam|radiograph|report)|today|we)\b/;
// Advice and what may happen next: not a finding of this examination.
const adviceCue = /^if\b|\b(?:needs?|needed|recommend\w*|follow-?up|your (?:doctor|care team)|ask your|treat\w*)\b/;

/**
 * Splits a report or a derived text into sentences as the labeler does (at . ! ? and line breaks, " / "
 * as a break too), skipping indication, history, comparison and technique sections; in a derived text,
 * also general explanations of a term and advice (a report's "recommend CT follow-up of the nodule" still
 * states the nodule).
 */
export function findingSentences(text: string, derived: boolean): FindingSentence[] {
	const out: FindingSentence[] = [];
	let inOtherSection = false;
	const pieces = text
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/\be\.t\.(?=\s)/gi, 'ET')
		.split(/(?<=[.!?])\s+|\n+|\s\/\s/);
	for (const piece of pieces) {
		const written = piece
			.replace(/\s+/g, ' ')
			.replace(/^(?:[-*\u2022]|\d+[.)])\s+/, '')
			.trim();
		const lower = written.toLowerCase().replace(/[.!]+$/, '');
		if (!lower) continue;
		if (otherSection.test(lower)) inOtherSection = true;
		else if (findingSection.test(lower)) inOtherSection = false;
		if (inOtherSection) continue;
		if (derived && (adviceCue.test(lower) || (generalCue.test(lower) && !aboutThisPatient.test(lower)))) continue;
		const header = findingSection.exec(lower)?.[0].length ?? 0;
		out.push({ written: written.slice(header).trim(), lower: lower.slice(header).trim() });
	}
	return out;
}
