// Straight and typographic double quotes around at least one character, on one line.
const quoted = /["\u201c]([^"\u201c\u201d\n]+)["\u201d]/g;
// Words that present the quoted passage as the report's ("The report states:", "it reads").
const reportCue =
	/\b(?:report\w*|states?|stated|reads?|says?|said|notes?|noted|describes?|described|documents?|mentions?)\b/;
const minimumWords = 3;

const normalised = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The passages a text quotes as from the report, each with whether the report contains it (whitespace and
 * case ignored; closing punctuation inside the quote too). A quote counts as the report's when words
 * before it on its line say so ("The report states:") or when it is a phrase of three or more words; a
 * one- or two-word quote with no such cue is taken as a term in quotes ("fluid"), not a citation.
 */
export function reportQuotes(reportParts: readonly string[], text: string): { passage: string; inReport: boolean }[] {
	const report = normalised(reportParts.join('\n'));
	const out: { passage: string; inReport: boolean }[] = [];
	for (const m of text.matchAll(quoted)) {
		const passage = normalised(m[1]!).replace(/[\s.,;:!?]+$/, '');
		if (!passage) continue;
		const before = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index).toLowerCase();
		if (reportCue.test(before) || passage.split(' ').length >= minimumWords)
			out.push({ passage: m[1]!.trim(), inReport: report.includes(passage) });
	}
	return out;
}
