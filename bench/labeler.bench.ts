// Throughput of the rule-based report labeler on one core (the goal: >= 1,000 reports/s), against a
// baseline measured in the same run: one plain regular-expression scan for the same mention phrases,
// the least work any phrase-based labeler must do. Reports are built from the labeler-quality sentences.
// Run: node --import tsx bench/labeler.bench.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelReport } from '../src/common/labeler/labelReport.js';
import { directMentions } from '../src/common/labeler/mentionPhrases.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sentences = fs
	.readFileSync(path.join(root, 'test/unit/labeler-quality/cases.txt'), 'utf8')
	.split('\n')
	.filter((l) => l.trim() && !l.startsWith('#'))
	.map((l) => l.split('|')[0]!.trim());

// A fixed pseudo-random mix: 2,000 reports of 4 to 8 sentences each (like a findings section).
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const reports = Array.from({ length: 2000 }, () =>
	Array.from({ length: 4 + Math.floor(next() * 5) }, () => sentences[Math.floor(next() * sentences.length)]).join(
		' ',
	),
);

const allPhrases = new RegExp(`\\b(?:${directMentions.flatMap((d) => d.phrases).join('|')})\\b`, 'gi');
function baselineScan(text: string): number {
	let n = 0;
	allPhrases.lastIndex = 0;
	while (allPhrases.exec(text)) n++;
	return n;
}

function reportsPerSecond(work: (text: string) => unknown, seconds = 2): number {
	for (const r of reports.slice(0, 200)) work(r); // warm-up
	let done = 0;
	const start = process.hrtime.bigint();
	let elapsed = 0;
	while (elapsed < seconds) {
		for (const r of reports) work(r);
		done += reports.length;
		elapsed = Number(process.hrtime.bigint() - start) / 1e9;
	}
	return done / elapsed;
}

const baseline = reportsPerSecond(baselineScan);
const labeler = reportsPerSecond(labelReport);
const words = reports.reduce((s, r) => s + r.split(' ').length, 0) / reports.length;
console.log(
	`reports: ${reports.length}, ${words.toFixed(0)} words each on average, one core (Node ${process.version})`,
);
console.log(`baseline (one regex scan for mention phrases): ${baseline.toFixed(0)} reports/s`);
console.log(`rule-based labeler (labelReport):              ${labeler.toFixed(0)} reports/s`);
console.log(`ratio labeler / baseline: ${(labeler / baseline).toFixed(3)}`);
console.log(`goal >= 1,000 reports/s: ${labeler >= 1000 ? 'met' : 'NOT met'}`);
