// Measures the demo model set on 200 held-out phantom studies (seeds never used in training) and prints
// the numbers the demo models are held to; exits 1 when one is missed.
// Run: node --import tsx bench/demo-models.ts [--count N | --limit N] [--models DIR]
// (--limit: the first N of the 200 studies, to check the bench itself; its numbers are not the goals')
import { parseArgs } from 'node:util';
import type { TallyRate } from '../src/common/faithfulness/index.js';
import { evaluateDemoModels } from '../src/node/phantoms/evaluateDemoModels.js';

const { values } = parseArgs({
	options: {
		count: { type: 'string', default: '200' },
		limit: { type: 'string' },
		models: { type: 'string', default: 'models/demo' },
		threads: { type: 'string', default: '2' },
	},
});
const count = Number(values.limit ?? values.count);
const seeds = Array.from({ length: count }, (_, i) => 900001 + i);
const t0 = Date.now();
const r = await evaluateDemoModels({
	modelsDir: values.models,
	seeds,
	threads: Number(values.threads),
	onStudy: (n) => {
		if (n % 20 === 0 || n === count)
			process.stderr.write(`${n}/${count} studies (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
	},
});
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const unmet: string[] = [];
const row = (name: string, value: string, goal: string, ok: boolean) => {
	if (!ok) unmet.push(name);
	console.log(`${name.padEnd(52)} ${value.padStart(16)}   goal ${goal.padEnd(7)} ${ok ? 'met' : 'NOT MET'}`);
};
console.log(
	`Demo models (${values.models}) on ${r.studies} held-out phantom studies ` +
		`(seeds ${seeds[0]}..${seeds.at(-1)}); demo models, synthetic data, not for clinical use.\n`,
);
row('classifier macro F1 (11 drawn findings)', r.classifierMacroF1.toFixed(3), '>= 0.8', r.classifierMacroF1 >= 0.8);
row('drafted report: labeler vs truth, macro F1', r.reportMacroF1.toFixed(3), '>= 0.7', r.reportMacroF1 >= 0.7);
row('correction: added appear, removed disappear', pct(r.correctionSuccess), '>= 90%', r.correctionSuccess >= 0.9);
row('yes/no answers match the labels', pct(r.yesNoAccuracy), '>= 90%', r.yesNoAccuracy >= 0.9);
row('list-findings answers: exact set', pct(r.listExactMatch), '>= 90%', r.listExactMatch >= 0.9);
row('list-findings answers: per label', pct(r.listLabelAccuracy), '(info)', true);
row('classifier: exact set (ceiling of the above)', pct(r.classifierExactMatch), '(info)', true);
row("yes/no vs the drafted report's labels", pct(r.yesNoVsReport), '(info)', true);
row('list-findings vs the drafted report: exact', pct(r.listExactVsReport), '(info)', true);
row('easy language: shorter, names findings', pct(r.easyLanguageOk), '>= 90%', r.easyLanguageOk >= 0.9);
row('summary: shorter, names findings', pct(r.summaryOk), '>= 90%', r.summaryOk >= 0.9);
// Faithfulness to the drafted report, read by the checker of src/common/faithfulness (docs/faithfulness.md).
const f = r.faithfulness;
const share = (x: TallyRate, v: number) => `${pct(v)} (${x.count}/${x.of})`;
const goal = (name: string, x: TallyRate, text: string, ok: (v: number) => boolean) => {
	if (x.rate === null) console.log(`${name.padEnd(52)} ${'n/a'.padStart(16)}   goal ${text.padEnd(7)} no cases`);
	else row(name, share(x, x.rate), text, ok(x.rate));
};
goal('easy language / summary: side agrees w/ report', f.sideAgreement, '>= 95%', (v) => v >= 0.95);
goal('easy language / summary: names a side (report does)', f.namesSide, '(info)', () => true);
goal('correction: adds or drops an unasked finding', f.unaskedChange, '<= 3%', (v) => v <= 0.03);
goal('correction: side of untouched findings kept', f.untouchedSideKept, '>= 97%', (v) => v >= 0.97);
goal('reasoning: quoted passages found in the report', f.quotesInReport, '>= 95%', (v) => v >= 0.95);
goal('reasoning: answers that quote the report', f.reasoningQuotes, '(info)', () => true);
console.log('\nper-label F1 (classifier | drafted report):');
for (const l of Object.keys(r.classifierPerLabelF1))
	console.log(`  ${l.padEnd(28)} ${r.classifierPerLabelF1[l]!.toFixed(3)} | ${r.reportPerLabelF1[l]!.toFixed(3)}`);
console.log('\nexamples:');
for (const e of r.examples.slice(0, 3))
	console.log(
		`  seed ${e.seed} truth [${e.truth.join(', ')}]\n    draft: ${e.report}\n` +
			`    correction (${e.request}): ${e.correction}\n    easy: ${e.easy}\n` +
			`    summary: ${e.summary.replace(/\n/g, ' / ')}`,
	);
console.log(
	`\n${((Date.now() - t0) / 1000).toFixed(0)} s; ` +
		(unmet.length ? `goals not met: ${unmet.join('; ')}` : 'every goal met'),
);
// A goal missed is a failed check, for scripts that run the bench after a retrain.
if (unmet.length) process.exitCode = 1;
