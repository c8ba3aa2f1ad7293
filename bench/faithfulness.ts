// Report faithfulness checker on the hand-written pair set: recall of contradictions, false alarms on
// faithful texts, recall per kind of contradiction, the same for the second batch of pairs (written after
// the checker's first rules), and throughput on one core.
// Run: npx tsx bench/faithfulness.ts
import { checkFaithfulness } from '../src/common/faithfulness/index.js';
import { readPairs, scorePairs, type FaithfulnessPair } from '../test/unit/faithfulness/scorePairs.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function report(name: string, pairs: readonly FaithfulnessPair[]): void {
	const s = scorePairs(pairs);
	const faithful = pairs.filter((p) => p.expected.length === 0).length;
	const expected = pairs.reduce((n, p) => n + p.expected.length, 0);
	console.log(`${name}: ${pairs.length} pairs (${faithful} faithful, ${expected} contradictions expected)`);
	console.log(`  recall of contradictions: ${pct(s.recall)}`);
	console.log(`  false alarms on faithful texts: ${pct(s.falseAlarmRate)}`);
	for (const [kind, v] of [...s.recallByKind].sort())
		console.log(`  recall ${kind.padEnd(15)} ${v.found}/${v.total} (${pct(v.found / v.total)})`);
	const extra = s.results.reduce((n, r) => n + (r.pair.expected.length ? r.extra.length : 0), 0);
	console.log(`  further contradictions listed on contradicting texts: ${extra}`);
}

const pairs = readPairs();
report('all pairs', pairs);
report(
	'second batch',
	pairs.filter((p) => p.batch === 'second'),
);

for (const p of pairs) checkFaithfulness(p.report, p.text); // warm-up
let done = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < 2) {
	for (const p of pairs) checkFaithfulness(p.report, p.text);
	done += pairs.length;
	elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
console.log(`throughput: ${(done / elapsed).toFixed(0)} pairs/s on one core (Node ${process.version})`);
