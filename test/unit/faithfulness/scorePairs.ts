import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFaithfulness, type Contradiction } from '../../../src/common/faithfulness/index.js';

/** One hand-written (report, derived text) pair and the contradictions a reader finds in it. */
export interface FaithfulnessPair {
	readonly kind: string;
	readonly report: string;
	readonly text: string;
	readonly expected: readonly { readonly finding: string; readonly kind: string }[];
	/** 'second' for the pairs written after the checker's first rules, to see how it does on new wording. */
	readonly batch?: string;
}

export interface PairResult {
	readonly pair: FaithfulnessPair;
	readonly found: readonly Contradiction[];
	/** Expected contradictions the checker missed (matched by finding). */
	readonly missed: readonly string[];
	/** Contradictions the checker listed that no reader expects. */
	readonly extra: readonly Contradiction[];
}

export interface PairScores {
	readonly results: readonly PairResult[];
	readonly recall: number;
	readonly falseAlarmRate: number;
	readonly recallByKind: ReadonlyMap<string, { found: number; total: number }>;
}

export function readPairs(): FaithfulnessPair[] {
	const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pairs.jsonl');
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => JSON.parse(l) as FaithfulnessPair);
}

/** Recall over expected contradictions; false alarms over faithful pairs (any contradiction listed). */
export function scorePairs(pairs: readonly FaithfulnessPair[]): PairScores {
	const results = pairs.map((pair): PairResult => {
		const found = checkFaithfulness(pair.report, pair.text);
		const missed = pair.expected.filter((e) => !found.some((c) => c.finding === e.finding)).map((e) => e.finding);
		const extra = found.filter((c) => !pair.expected.some((e) => e.finding === c.finding));
		return { pair, found, missed, extra };
	});
	const recallByKind = new Map<string, { found: number; total: number }>();
	let expected = 0;
	let recalled = 0;
	for (const r of results) {
		for (const e of r.pair.expected) {
			const k = recallByKind.get(e.kind) ?? { found: 0, total: 0 };
			const hit = !r.missed.includes(e.finding);
			recallByKind.set(e.kind, { found: k.found + (hit ? 1 : 0), total: k.total + 1 });
			expected++;
			if (hit) recalled++;
		}
	}
	const faithful = results.filter((r) => r.pair.expected.length === 0);
	const alarms = faithful.filter((r) => r.found.length > 0).length;
	return {
		results,
		recall: expected ? recalled / expected : 1,
		falseAlarmRate: faithful.length ? alarms / faithful.length : 0,
		recallByKind,
	};
}
