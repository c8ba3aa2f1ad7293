// The context-only reports of the demo model's training data: the image's findings with other details and
// devices, and the reader's edit of such a report keeps its other sentences (devices too) word for word.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCorrection } from '../../common/faithfulness/index.js';
import { drawnLabels, labelsOf } from '../../common/phantoms/PhantomCase.js';
import { Prng } from '../../common/phantoms/Prng.js';
import { writeReportSentences } from '../../common/phantoms/sentenceBank.js';
import { otherDetails } from './otherDetails.js';
import { phantomSourceImages } from './phantomSourceImages.js';
import { readerEditCorrection } from './readerEditCorrection.js';

const { images, cases } = phantomSourceImages(Array.from({ length: 300 }, (_, i) => 1 + i));
const questionLabels = drawnLabels.filter((l) => l !== 'No Finding');

test('same findings, other details: sides, sizes and devices change about half the time, labels never', () => {
	const pick = new Prng(4);
	const changed = { details: 0, devices: 0, withDevices: 0, of: 0 };
	for (const c of cases.values()) {
		const other = otherDetails(c.findings, pick);
		assert.deepEqual(labelsOf(other), labelsOf(c.findings));
		const { devices, ...rest } = other;
		const { devices: was, ...wasRest } = c.findings;
		changed.of++;
		if (JSON.stringify(rest) !== JSON.stringify(wasRest)) changed.details++;
		if (!was.length) continue;
		changed.withDevices++;
		const moved = [...devices.filter((d) => !was.includes(d)), ...was.filter((d) => !devices.includes(d))];
		assert.ok(moved.length <= 2, `${was.join()} → ${devices.join()}`);
		if (moved.length) changed.devices++;
	}
	assert.ok(changed.details / changed.of > 0.4, JSON.stringify(changed));
	const devicesShare = changed.devices / changed.withDevices;
	assert.ok(devicesShare > 0.35 && devicesShare < 0.65, JSON.stringify(changed));
});

test("a reader's edit of such a report changes what was asked and keeps the rest, devices included", () => {
	const pick = new Prng(5);
	let kept = 0;
	let sentences = 0;
	for (const img of images) {
		const c = cases.get(img.dicomId)!;
		const truth = questionLabels.filter((l) => img.labels.includes(l));
		const variant = { ...c, findings: otherDetails(c.findings, pick) };
		const report = writeReportSentences(variant.findings, c.seed).map((s) => s.text);
		const absent = questionLabels.filter((l) => !truth.includes(l));
		const edit = readerEditCorrection(variant, truth, absent, pick);
		const where = `${JSON.stringify(edit)} | ${report.join(' ')}`;
		assert.deepEqual(checkCorrection(report.join(' '), edit.report, edit), { unasked: [], changed: [] }, where);
		for (const s of report) if (edit.report.includes(s)) kept++;
		sentences += report.length;
	}
	// An edit touches one or two findings; every other sentence is the report's own, word for word.
	assert.ok(kept / sentences > 0.6, `${kept} of ${sentences} sentences kept`);
});
