import type { Side, Size } from './FindingStatement.js';

const sideWords: Record<string, readonly Side[]> = {
	left: ['left'],
	right: ['right'],
	bilateral: ['left', 'right'],
	bilaterally: ['left', 'right'],
	both: ['left', 'right'],
	bibasilar: ['left', 'right'],
	bibasal: ['left', 'right'],
	biapical: ['left', 'right'],
};

const sizeWords: Record<string, Size> = {
	trace: 'small',
	tiny: 'small',
	minimal: 'small',
	minimally: 'small',
	small: 'small',
	mild: 'small',
	mildly: 'small',
	slight: 'small',
	slightly: 'small',
	little: 'small',
	bit: 'small',
	moderate: 'moderate',
	moderately: 'moderate',
	medium: 'moderate',
	large: 'large',
	big: 'large',
	severe: 'large',
	severely: 'large',
	massive: 'large',
	extensive: 'large',
	marked: 'large',
	markedly: 'large',
	huge: 'large',
	substantial: 'large',
	sizable: 'large',
	sizeable: 'large',
};

/**
 * Words that may stand between a finding and its side or size, in front of it ("small left-sided") or
 * after it ("on the left side, moderate in size"). The side and size of a mention are read only across
 * a run of these, so "the right lung is clear, left effusion" gives the effusion the left side only.
 */
const glue =
	'a an the of some and or to - sided side sides amount volume size sized new residual persistent layering ' +
	'loculated lower upper middle lobe lobes basilar basal base bases apical apex apices zone pleural lung lungs ' +
	'partial partially focal patchy subsegmental there is are was were still now again on in at hemithorax chest ' +
	'greater than which that appears seen noted ' +
	'also very quite fairly rather relatively somewhat your my his her their ' +
	'into through via vein veins placed inserted goes go neck arm top bottom internal external jugular ij subclavian ' +
	'femoral wall rib ribs clavicle clavicular posterior anterior lateral first second third fourth fifth sixth ' +
	'seventh eighth ninth tenth eleventh twelfth ' +
	// Where in the lung or chest, and how a finding lies there ("projects over the right mid lung zone",
	// "acute-appearing left 5th and 6th rib fractures", "a left perihilar region consolidation").
	'mid perihilar region regions projects projecting project over overlies overlying within acute appearing ' +
	'displaced nondisplaced';
const runWords = new Set([...glue.split(' '), ...Object.keys(sideWords), ...Object.keys(sizeWords)]);
/** A rib or vertebra's number, written as a digit ("5th", "6"). */
const ordinal = /^\d{1,2}(st|nd|rd|th)?$/;

export const isModifierWord = (word: string) => runWords.has(word) || ordinal.test(word);

/** A word that gives a finding a side or a size ("left", "bilateral", "moderate", "trace", …). */
export const isSideOrSizeWord = (word: string) => word in sideWords || word in sizeWords;

export function sidesIn(words: readonly string[]): Side[] {
	const sides = new Set<Side>();
	for (const w of words) for (const s of sideWords[w] ?? []) sides.add(s);
	return [...sides].sort();
}

export function sizesIn(words: readonly string[]): Size[] {
	const sizes = new Set<Size>();
	for (const w of words) {
		const s = sizeWords[w];
		if (s) sizes.add(s);
	}
	return [...sizes].sort();
}
