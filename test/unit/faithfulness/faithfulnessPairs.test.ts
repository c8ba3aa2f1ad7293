import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPairs, scorePairs } from './scorePairs.js';

const pairs = readPairs();

test('the pair set holds at least 150 hand-written pairs, faithful ones and every kind of contradiction', () => {
	assert.ok(pairs.length >= 150, `${pairs.length} pairs`);
	const kinds = new Set(pairs.map((p) => p.kind));
	for (const k of ['faithful', 'invented', 'negation', 'denied', 'side', 'size', 'device-added', 'device-removed'])
		assert.ok(kinds.has(k), `no pair of kind ${k}`);
});

test('faithfulness checker: recall of contradictions >= 95 %, false alarms on faithful texts <= 5 %', () => {
	const s = scorePairs(pairs);
	const byKind = [...s.recallByKind].map(([k, v]) => `${k} ${v.found}/${v.total}`).join(', ');
	console.log(
		`recall ${(s.recall * 100).toFixed(1)} %, false alarms ${(s.falseAlarmRate * 100).toFixed(1)} % (${byKind})`,
	);
	const wrong = s.results
		.filter((r) => r.missed.length || (r.pair.expected.length === 0 && r.found.length))
		.map(
			(r) =>
				`${r.pair.kind}: "${r.pair.text}" missed [${r.missed.join(', ')}] ` +
				`found [${r.found.map((c) => c.finding).join(', ')}]`,
		);
	assert.ok(s.recall >= 0.95, `recall ${s.recall}\n${wrong.join('\n')}`);
	assert.ok(s.falseAlarmRate <= 0.05, `false alarms ${s.falseAlarmRate}\n${wrong.join('\n')}`);
});
