// The checker reads the side of every sentence the phantom report writer can write, however the side is
// separated from its finding ("projects over the right mid lung zone", "acute-appearing left 5th and 6th
// rib fractures", "a left perihilar region consolidation"): a side it cannot read turns a faithful rewrite
// into "side changed to not stated" and lets a side swap through.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCorrection, readStatements } from '../../../src/common/faithfulness/index.js';
import { samplePhantomCase } from '../../../src/common/phantoms/PhantomCase.js';
import { writeReportSentences } from '../../../src/common/phantoms/sentenceBank.js';

const named: Record<string, string[]> = {
	left: ['left'],
	right: ['right'],
	both: ['left', 'right'],
	bilateral: ['left', 'right'],
};
// Anatomy, not where the finding is ("pacemaker overlies the left chest"): the checker gives these no side.
const sideless = /^(Cardiomegaly|Enlarged Cardiomediastinum|Support Devices|pacemaker|.* tube|.* catheter)$/;

test('every side a phantom report sentence names is the side the checker reads', () => {
	let checked = 0;
	const misread = new Set<string>();
	for (let seed = 1; seed <= 1500; seed++) {
		const c = samplePhantomCase(seed, 0.5);
		for (let variant = 0; variant < 4; variant++)
			for (const { text } of writeReportSentences(c.findings, c.seed, variant)) {
				const words = text.toLowerCase().match(/\b(left|right|both|bilateral)\b/g);
				if (!words) continue;
				const stated = readStatements(text).filter((s) => s.presence !== 'denied' && !sideless.test(s.finding));
				const findings = new Set(stated.map((s) => s.finding));
				if (findings.size !== 1) continue;
				checked++;
				const sides = [...new Set(stated.flatMap((s) => s.sides))].sort();
				const expected = [...new Set(words.flatMap((w) => named[w]!))].sort();
				if (sides.join() !== expected.join()) misread.add(`${text} → [${sides.join()}]`);
			}
	}
	assert.ok(checked > 10_000, `${checked} sentences`);
	assert.deepEqual([...misread].slice(0, 10), []);
});

test('a finding reworded with its side kept is no side change', () => {
	const before =
		'A pulmonary nodule is seen in the right upper lobe. There are fractures of the left 5th and 6th ribs.';
	const after =
		'A well-circumscribed nodule projects over the right upper lobe. ' +
		'Acute-appearing left 5th and 6th rib fractures are present. Small left pneumothorax.';
	assert.deepEqual(checkCorrection(before, after, { add: ['Pneumothorax'], remove: [] }), {
		unasked: [],
		changed: [],
	});
	const swapped = after.replace('over the right', 'over the left');
	assert.deepEqual(
		checkCorrection(before, swapped, { add: ['Pneumothorax'], remove: [] }).changed.map((c) => c.message),
		['Lung Lesion: side changed from right to left without being asked'],
	);
});
