import { chexpertLabels, type ChexpertLabel } from '../domain/chexpert.js';
import { clauseBreakers, cues, listWords, negationStoppers, postFillerWords, type CueKind } from './cuePhrases.js';
import { attributeMentions, directMentions, excludedPhrases } from './mentionPhrases.js';
import { emptyReportLabels, type LabelState, type ReportLabels } from './ReportLabels.js';

interface Span {
	readonly start: number;
	readonly end: number;
}
interface Mention extends Span {
	readonly labels: readonly ChexpertLabel[];
	/** Decided by the attribute itself ("heart size is normal"), whatever the cues say. */
	readonly fixed: LabelState | null;
}
interface FoundCue extends Span {
	readonly kind: CueKind;
	readonly pre: boolean;
	readonly post: boolean;
	readonly nearestOnly: boolean;
	readonly keepsNegation: boolean;
}

/** All matches of a global regex, without matchAll's per-call regex copy (the labeler's hot path). */
function execAll(re: RegExp, s: string): RegExpExecArray[] {
	const out: RegExpExecArray[] = [];
	re.lastIndex = 0;
	for (let m = re.exec(s); m; m = re.exec(s)) {
		out.push(m);
		if (m[0] === '') re.lastIndex++;
	}
	return out;
}

const words = (alternatives: readonly string[]) => `\\b(?:${alternatives.join('|')})\\b`;
const directRules = directMentions.map((d) => ({ labels: d.labels, re: new RegExp(words(d.phrases), 'g') }));
const excludeRe = new RegExp(words(excludedPhrases), 'g');
const attributeRules = attributeMentions.map((a) => ({
	labels: [a.label] as const,
	subject: new RegExp(words(a.subjects), 'g'),
	// Normal first, so "not enlarged" is read before its "enlarged".
	attribute: new RegExp(`\\b(?:(${a.normal})|(${a.borderline})|(${a.positive}))\\b`, 'g'),
}));
const cueRe = new RegExp(
	cues.map((c) => (/^\\\W$/.test(c.pattern) ? `(${c.pattern})` : `(\\b(?:${c.pattern})(?![a-z0-9]))`)).join('|'),
	'g',
);
const breakerRe = new RegExp(clauseBreakers, 'g');
// A comma opening a new statement ("no effusion, heart size is enlarged") ends a negation; one inside a list does not.
const stopperRe = new RegExp(
	`${negationStoppers}|,(?! ?(?:or|nor|and)\\b)(?=[^,]*\\b(?:is|are|was|were|has|have|remains?|appears?|` +
		'persists?|demonstrates?|shows?|measures?)\\b)',
);
const pathologies = chexpertLabels.filter((l) => l !== 'No Finding' && l !== 'Support Devices');
const rank: Record<LabelState, number> = { not_mentioned: 0, negative: 1, uncertain: 2, positive: 3 };

/**
 * Labels one report in the manner of the CheXpert labeler: find mentions of the 14 observations, then
 * read negation and uncertainty cues around each inside its sentence and clause. Across mentions of one
 * observation, positive beats uncertain beats negative. "No Finding" is positive exactly when no
 * pathology is positive or uncertain (Support Devices aside).
 */
export function labelReport(text: string): ReportLabels {
	const labels = emptyReportLabels();
	for (const sentence of splitSentences(text)) {
		for (const [label, state] of labelSentence(sentence))
			if (rank[state] > rank[labels[label]]) labels[label] = state;
	}
	labels['No Finding'] = pathologies.some((l) => labels[l] === 'positive' || labels[l] === 'uncertain')
		? 'not_mentioned'
		: 'positive';
	return labels;
}

export function splitSentences(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/\be\.t\.(?=\s)/g, 'et')
		.split(/(?<=[.!?])\s+|\n+/)
		.map((s) =>
			s
				.replace(/\s+/g, ' ')
				.replace(/[.!]+$/, '')
				.trim(),
		)
		.filter((s) => s.length > 0);
}

function labelSentence(s: string): [ChexpertLabel, LabelState][] {
	return labelMentions(s).flatMap((m) => m.labels.map((label): [ChexpertLabel, LabelState] => [label, m.state]));
}

/** One mention in a sentence: where it is, what it names and what the sentence says of it. */
export interface LabeledMention {
	readonly start: number;
	readonly end: number;
	readonly labels: readonly ChexpertLabel[];
	readonly state: LabelState;
}

/**
 * Every mention in one sentence as `splitSentences` returns it (lower case), with its own state, in order
 * of place. `labelReport` keeps the strongest state per observation; a caller comparing texts needs each.
 */
export function labelMentions(s: string): LabeledMention[] {
	const mentions = findMentions(s);
	if (!mentions.length) return [];
	const found = findCues(s);
	const breaks = execAll(breakerRe, s).map((m) => ({ start: m.index, end: m.index + m[0].length }));
	const coveredByPost = postCueReach(s, mentions, found, breaks);
	return mentions.map((m, i) => ({
		start: m.start,
		end: m.end,
		labels: m.labels,
		state: m.fixed ?? mentionState(s, m, mentions, found, breaks, coveredByPost[i] ?? []),
	}));
}

function mentionState(
	s: string,
	m: Mention,
	mentions: readonly Mention[],
	found: readonly FoundCue[],
	breaks: readonly Span[],
	post: readonly CueKind[],
): LabelState {
	const clauseStart = Math.max(0, ...breaks.filter((b) => b.end <= m.start).map((b) => b.end));
	let negated = post.includes('negation');
	let uncertain = post.includes('uncertainty');
	for (const c of found) {
		if (!c.pre || c.end > m.start || c.start < clauseStart) continue;
		if (c.kind === 'uncertainty') {
			if (!c.nearestOnly || !mentions.some((o) => o.start >= c.end && o.end <= m.start)) uncertain = true;
		} else if (c.kind === 'negation') {
			const between = s.slice(c.end, m.start);
			const hedgedBetween = found.some(
				(o) => o.kind === 'uncertainty' && !o.keepsNegation && o.start >= c.end && o.end <= m.start,
			);
			if (!stopperRe.test(between) && !hedgedBetween) negated = true;
		}
	}
	return negated ? 'negative' : uncertain ? 'uncertain' : 'positive';
}

/** For each mention, the kinds of the cues after it that reach back to it. */
function postCueReach(
	s: string,
	mentions: readonly Mention[],
	found: readonly FoundCue[],
	breaks: readonly Span[],
): CueKind[][] {
	const reach: CueKind[][] = mentions.map(() => []);
	for (const c of found) {
		if (!c.post || c.kind === 'neutral') continue;
		const clauseStart = Math.max(0, ...breaks.filter((b) => b.end <= c.start).map((b) => b.end));
		let i = lastIndexBefore(mentions, c.start);
		if (
			i < 0 ||
			mentions[i]!.start < clauseStart ||
			!onlyWords(s.slice(mentions[i]!.end, c.start), postFillerWords, 8)
		)
			continue;
		let next = mentions[i]!;
		while (i >= 0) {
			const m = mentions[i]!;
			if (c.nearestOnly && m.start !== next.start) break;
			if (m !== next && m.end > next.start) {
				i--;
				continue;
			} // same span, other label
			if (m !== next && !onlyWords(s.slice(m.end, next.start), listWords, 6)) break;
			reach[i]!.push(c.kind);
			for (let j = i - 1; j >= 0 && mentions[j]!.start === m.start; j--) reach[j]!.push(c.kind);
			next = m;
			i--;
			while (i >= 0 && mentions[i]!.start === m.start) i--;
		}
	}
	return reach;
}

function lastIndexBefore(mentions: readonly Mention[], pos: number): number {
	for (let i = mentions.length - 1; i >= 0; i--) if (mentions[i]!.end <= pos) return i;
	return -1;
}

function onlyWords(gap: string, allowed: ReadonlySet<string>, max: number): boolean {
	const tokens = gap
		.replace(/,/g, ' , ')
		.split(' ')
		.filter((t) => t);
	return tokens.length <= max && tokens.every((t) => allowed.has(t));
}

function findCues(s: string): FoundCue[] {
	const out: FoundCue[] = [];
	for (const m of execAll(cueRe, s)) {
		const which = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
		const cue = cues[which]!;
		out.push({
			start: m.index,
			end: m.index + m[0].length,
			kind: cue.kind,
			pre: cue.pre,
			post: cue.post,
			nearestOnly: !!cue.nearestOnly,
			keepsNegation: !!cue.keepsNegation,
		});
	}
	return out;
}

function findMentions(s: string): Mention[] {
	const all: Mention[] = [];
	for (const m of execAll(excludeRe, s))
		all.push({ start: m.index, end: m.index + m[0].length, labels: [], fixed: null });
	for (const rule of directRules) {
		for (const m of execAll(rule.re, s))
			all.push({ start: m.index, end: m.index + m[0].length, labels: rule.labels, fixed: null });
	}
	for (const rule of attributeRules) {
		for (const m of execAll(rule.subject, s)) {
			const found = attributeMention(s, { start: m.index, end: m.index + m[0].length }, rule.attribute);
			if (found) all.push({ ...found, labels: rule.labels });
		}
	}
	// Longest span first at each place; a span overlapping one already kept is dropped.
	all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
	const kept: Mention[] = [];
	for (const m of all) {
		const clash = kept.find((k) => m.start < k.end && k.start < m.end);
		if (!clash) kept.push(m);
		else if (clash.start === m.start && clash.end === m.end && clash.labels.length && m.labels.length) kept.push(m);
	}
	return kept.filter((m) => m.labels.length > 0);
}

/**
 * The size or shape said of a structure, just before it ("normal heart size") or soon after
 * ("heart size is normal").
 */
function attributeMention(s: string, subject: Span, attribute: RegExp): Omit<Mention, 'labels'> | null {
	const stateOf = (m: RegExpMatchArray): LabelState | null => (m[1] ? 'negative' : m[2] ? 'uncertain' : null);
	const before = s.slice(0, subject.start).split(' ').slice(-5).join(' ');
	const offset = subject.start - before.length;
	const prior = execAll(attribute, before).at(-1);
	if (prior) return { start: offset + prior.index, end: subject.end, fixed: stateOf(prior) };
	const rest = s.slice(subject.end);
	breakerRe.lastIndex = 0;
	const clauseEnd = rest.search(breakerRe);
	const window = (clauseEnd < 0 ? rest : rest.slice(0, clauseEnd)).split(' ').slice(0, 8).join(' ');
	attribute.lastIndex = 0;
	const after = attribute.exec(window);
	attribute.lastIndex = 0;
	if (!after) return null;
	const start = subject.end + after.index;
	return { start, end: start + after[0].length, fixed: stateOf(after) };
}
