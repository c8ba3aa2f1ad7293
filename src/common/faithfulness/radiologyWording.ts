import { layPhrases } from './layPhrases.js';

const layRe = new RegExp(`\\b(?:${layPhrases.map((p) => `(${p.pattern})`).join('|')})(?![a-z])`, 'g');
const sideInPhrase = /\b(left|right|both|bilateral)\b/g;

/**
 * A lower-cased sentence in the words the report labeler reads: contractions spelled out ("isn't" as
 * "is not", so its negation counts) and plain-language phrases rewritten into radiology terms, keeping
 * a side said inside the phrase ("fluid around the left lung" becomes "left pleural effusion").
 */
export function radiologyWording(lower: string): string {
	const spelled = lower
		.replace(/\bcan't\b/g, 'cannot')
		.replace(/\bwon't\b/g, 'will not')
		.replace(/\b(\w+)n't\b/g, '$1 not')
		.replace(/\b(there|it|that|what)'s\b/g, '$1 is')
		.replace(/\b(?:left and right|right and left)\b/g, 'bilateral');
	return spelled.replace(layRe, (match: string, ...groups: unknown[]) => {
		const which = groups.findIndex((g) => typeof g === 'string');
		const sides = [...match.matchAll(sideInPhrase)].map((m) => (m[1] === 'both' ? 'bilateral' : m[1]));
		const phrase = layPhrases[which]!;
		// "the lungs have not collapsed" keeps its denial once rewritten.
		const denial = !phrase.saysNot && /\b(?:not|never)\b/.test(match) ? ['no'] : [];
		return [...denial, ...new Set(sides), phrase.radiology].join(' ');
	});
}
