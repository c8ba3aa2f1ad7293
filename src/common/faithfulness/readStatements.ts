import { labelMentions, type LabeledMention } from '../labeler/labelReport.js';
import type { LabelState } from '../labeler/ReportLabels.js';
import { deviceKinds } from './deviceKinds.js';
import { findingSentences } from './findingSentences.js';
import type { FindingStatement, Presence } from './FindingStatement.js';
import { isModifierWord, sidesIn, sizesIn } from './modifierWords.js';
import { radiologyWording } from './radiologyWording.js';

const presenceOf: Record<Exclude<LabelState, 'not_mentioned'>, Presence> = {
	positive: 'stated',
	negative: 'denied',
	uncertain: 'hedged',
};
// The side of these is anatomy ("left heart border"), not where the finding is.
const sideless = new Set(['Cardiomegaly', 'Enlarged Cardiomediastinum', 'Support Devices']);
const runLimit = 10;

interface Word {
	readonly text: string;
	readonly start: number;
	readonly end: number;
}

/**
 * Every finding a report or a derived text mentions, one statement per mention, in reading order. A
 * derived text (`derived`) also drops its general explanations and advice.
 */
export function readStatements(text: string, derived = false): FindingStatement[] {
	const out: FindingStatement[] = [];
	for (const sentence of findingSentences(text, derived)) {
		const s = radiologyWording(sentence.lower);
		const words = [...s.matchAll(/[a-z0-9]+|[^\sa-z0-9]/g)].map((m) => ({
			text: m[0],
			start: m.index,
			end: m.index + m[0].length,
		}));
		const mentions = labelMentions(s);
		const runStarts = mentions.map((m, i) => preRunStart(words, m, mentions[i - 1]));
		mentions.forEach((m, i) => {
			if (m.state === 'not_mentioned') return;
			const postEnd = postRunEnd(words, m, runStarts[i + 1] ?? s.length);
			const around = words.filter((w) => w.start >= runStarts[i]! && w.end <= postEnd).map((w) => w.text);
			for (const label of m.labels) {
				if (label === 'No Finding') continue;
				const finding = label === 'Support Devices' ? deviceKind(s.slice(m.start, m.end)) : label;
				const kind = deviceKinds.find((d) => d.name === finding);
				const lateral = kind ? kind.lateral : !sideless.has(finding);
				out.push({
					finding,
					presence: presenceOf[m.state],
					sides: lateral ? sidesIn(around) : [],
					sizes: kind ? [] : sizesIn(around),
					sentence: sentence.written,
				});
			}
		});
	}
	return out;
}

function deviceKind(mention: string): string {
	return deviceKinds.find((d) => d.pattern.test(mention))?.name ?? 'Support Devices';
}

/** Where the run of side, size and filler words just before a mention begins. */
function preRunStart(words: readonly Word[], m: LabeledMention, previous: LabeledMention | undefined): number {
	let start = m.start;
	let taken = 0;
	for (let i = words.findIndex((w) => w.end > m.start) - 1; i >= 0 && taken < runLimit; i--, taken++) {
		const w = words[i]!;
		if (previous && w.start < previous.end) break;
		if (!isModifierWord(w.text)) break;
		start = w.start;
	}
	return start;
}

/** Where the run of such words just after a mention ends, before the next mention's own run. */
function postRunEnd(words: readonly Word[], m: LabeledMention, limit: number): number {
	let end = m.end;
	let taken = 0;
	for (let i = words.findIndex((w) => w.start >= m.end); i >= 0 && i < words.length && taken < runLimit; i++) {
		const w = words[i]!;
		if (w.start >= limit || !isModifierWord(w.text) || w.text === 'and' || w.text === 'or') break;
		end = w.end;
		taken++;
	}
	return end;
}
