import { checkCorrection } from './checkCorrection.js';
import { checkFaithfulness } from './checkFaithfulness.js';
import { readStatements } from './readStatements.js';
import { reportQuotes } from './reportQuotes.js';

/** A share and what it was counted over; `rate` is null when there was nothing to count. */
export interface TallyRate {
	readonly count: number;
	readonly of: number;
	readonly rate: number | null;
}

const rate = (count: number, of: number): TallyRate => ({ count, of, rate: of ? count / of : null });

/** The findings a text states or raises with a side, by finding. */
function sidedFindings(text: string, derived: boolean): Set<string> {
	const said = readStatements(text, derived).filter((s) => s.presence !== 'denied' && s.sides.length);
	return new Set(said.map((s) => s.finding));
}

/**
 * Counts, over many model answers, how faithful they are to the report they derive from, by the rules of
 * the faithfulness checker: sides kept by easy-language and summary answers (and how often they say a side
 * at all where the report does, so that silence cannot score), corrections that change findings nobody
 * asked about, and quotes of reasoning answers that the report really contains.
 */
export class DerivedTextTally {
	private followUps = { reportSided: 0, namesSide: 0, sideAgrees: 0 };
	private corrections = { all: 0, unasked: 0, untouchedSided: 0, sideKept: 0 };
	private reasoning = { all: 0, quoting: 0, quotes: 0, inReport: 0 };

	/** An easy-language or summary answer to `report`. */
	followUp(report: string, answer: string): void {
		const sided = sidedFindings(report, false);
		if (!sided.size) return;
		this.followUps.reportSided++;
		if (![...sidedFindings(answer, true)].some((f) => sided.has(f))) return;
		this.followUps.namesSide++;
		if (!checkFaithfulness(report, answer).some((c) => c.kind === 'side')) this.followUps.sideAgrees++;
	}

	/** A correction of `before` into `after`, asked to add and remove these CheXpert labels. */
	correction(before: string, after: string, asked: { add: readonly string[]; remove: readonly string[] }): void {
		const check = checkCorrection(before, after, asked);
		this.corrections.all++;
		if (check.unasked.length) this.corrections.unasked++;
		const askedFor = new Set([...asked.add, ...asked.remove]);
		const still = new Set(
			readStatements(after)
				.filter((s) => s.presence !== 'denied')
				.map((s) => s.finding),
		);
		for (const f of sidedFindings(before, false)) {
			// Asked about, or gone (counted above as unasked): not a finding whose side could be kept.
			if (askedFor.has(f) || !still.has(f)) continue;
			this.corrections.untouchedSided++;
			if (!check.changed.some((c) => c.finding === f && c.change === 'side')) this.corrections.sideKept++;
		}
	}

	/** A reasoning answer ("Why do you think …?") about `report`. */
	reasoningAnswer(report: string, answer: string): void {
		const quotes = reportQuotes([report], answer);
		this.reasoning.all++;
		if (quotes.length) this.reasoning.quoting++;
		this.reasoning.quotes += quotes.length;
		this.reasoning.inReport += quotes.filter((q) => q.inReport).length;
	}

	rates() {
		const { followUps: u, corrections: c, reasoning: r } = this;
		return {
			/** Answers with a side for a finding the report sides, that keep every such side. */
			sideAgreement: rate(u.sideAgrees, u.namesSide),
			/** Answers that name a side where the report gives one. */
			namesSide: rate(u.namesSide, u.reportSided),
			/** Corrections that add or drop a finding nobody asked about. */
			unaskedChange: rate(c.unasked, c.all),
			/** Findings left alone by the request, with a side before and still there after, on the same side. */
			untouchedSideKept: rate(c.sideKept, c.untouchedSided),
			/** Passages quoted as the report's that it contains. */
			quotesInReport: rate(r.inReport, r.quotes),
			/** Reasoning answers that quote the report at all. */
			reasoningQuotes: rate(r.quoting, r.all),
		};
	}
}
