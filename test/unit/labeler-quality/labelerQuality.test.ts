import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chexpertLabels, type ChexpertLabel } from '../../../src/common/domain/chexpert.js';
import { labelReport } from '../../../src/common/labeler/labelReport.js';
import { labelStates, type LabelState, type ReportLabels } from '../../../src/common/labeler/ReportLabels.js';

const abbreviations: Record<string, ChexpertLabel> = {
	EC: 'Enlarged Cardiomediastinum',
	CM: 'Cardiomegaly',
	LO: 'Lung Opacity',
	LL: 'Lung Lesion',
	ED: 'Edema',
	CO: 'Consolidation',
	PN: 'Pneumonia',
	AT: 'Atelectasis',
	PX: 'Pneumothorax',
	PE: 'Pleural Effusion',
	PO: 'Pleural Other',
	FX: 'Fracture',
	SD: 'Support Devices',
};
const signs: Record<string, LabelState> = { '+': 'positive', '-': 'negative', '?': 'uncertain' };

interface Case {
	readonly line: number;
	readonly text: string;
	readonly expected: ReportLabels;
}

function readCases(): Case[] {
	const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases.txt');
	const cases: Case[] = [];
	fs.readFileSync(file, 'utf8')
		.split('\n')
		.forEach((raw, i) => {
			if (!raw.trim() || raw.startsWith('#')) return;
			const [text, spec = ''] = raw.split('|');
			const expected = Object.fromEntries(chexpertLabels.map((l) => [l, 'not_mentioned'])) as ReportLabels;
			for (const item of spec.trim().split(/\s+/).filter(Boolean)) {
				const label = abbreviations[item.slice(0, 2)];
				const state = signs[item.slice(2)];
				if (!label || !state) throw new Error(`cases.txt line ${i + 1}: cannot read "${item}"`);
				expected[label] = state;
			}
			// "No Finding" follows from the others by definition (Support Devices aside).
			const anyPathology = chexpertLabels.some(
				(l) =>
					l !== 'No Finding' &&
					l !== 'Support Devices' &&
					(expected[l] === 'positive' || expected[l] === 'uncertain'),
			);
			expected['No Finding'] = anyPathology ? 'not_mentioned' : 'positive';
			cases.push({ line: i + 1, text: text!.trim(), expected });
		});
	return cases;
}

const cases = readCases();

test('the quality set has at least 300 cases and every observation in positive, negated and uncertain form', () => {
	assert.ok(cases.length >= 300, `${cases.length} cases`);
	for (const label of chexpertLabels.filter((l) => l !== 'No Finding')) {
		for (const state of ['positive', 'negative', 'uncertain'] as const) {
			assert.ok(
				cases.some((c) => c.expected[label] === state),
				`no ${state} case for ${label}`,
			);
		}
	}
});

test('the rule-based labeler reaches accuracy >= 0.95 for every label state', () => {
	const right = new Map<LabelState, number>();
	const all = new Map<LabelState, number>();
	const wrong: string[] = [];
	let exact = 0;
	for (const c of cases) {
		const got = labelReport(c.text);
		let allRight = true;
		for (const label of chexpertLabels) {
			const want = c.expected[label];
			all.set(want, (all.get(want) ?? 0) + 1);
			if (got[label] === want) right.set(want, (right.get(want) ?? 0) + 1);
			else {
				allRight = false;
				wrong.push(`line ${c.line}: ${label} expected ${want}, got ${got[label]}  «${c.text}»`);
			}
		}
		if (allRight) exact++;
	}
	const accuracy = Object.fromEntries(labelStates.map((s) => [s, (right.get(s) ?? 0) / (all.get(s) ?? 1)]));
	console.log(
		`labeler quality: ${cases.length} cases, ${exact} entirely right; accuracy per expected state`,
		accuracy,
	);
	if (wrong.length) console.log(`${wrong.length} wrong cells:\n${wrong.join('\n')}`);
	for (const s of labelStates) assert.ok(accuracy[s]! >= 0.95, `${s}: accuracy ${accuracy[s]!.toFixed(3)} < 0.95`);
});
