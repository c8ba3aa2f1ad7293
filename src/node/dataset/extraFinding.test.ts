// The extra finding of a context-only report: one the image lacks, stated by the report and named by its
// findings list, the image's own findings kept as they were; odds 0 leave the data as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCorrection } from '../../common/faithfulness/index.js';
import { labelReport } from '../../common/labeler/labelReport.js';
import { drawnLabels, labelsOf } from '../../common/phantoms/PhantomCase.js';
import { Prng } from '../../common/phantoms/Prng.js';
import { writeReportSentences } from '../../common/phantoms/sentenceBank.js';
import { extraFinding } from './extraFinding.js';
import { phantomSourceImages } from './phantomSourceImages.js';
import { readerEditCorrection } from './readerEditCorrection.js';

const { images, cases } = phantomSourceImages(Array.from({ length: 300 }, (_, i) => 1 + i));
const questionLabels = drawnLabels.filter((l) => l !== 'No Finding');
const studies = images.map((img) => ({
	c: cases.get(img.dicomId)!,
	truth: questionLabels.filter((l) => img.labels.includes(l)),
}));

test('odds 0: the findings as given, nothing drawn', () => {
	const pick = new Prng(9);
	for (const { c, truth } of studies) {
		const out = extraFinding(c.findings, truth, questionLabels, 0, pick);
		assert.equal(out.findings, c.findings);
		assert.equal(out.extra, null);
		assert.deepEqual(out.labels, truth);
	}
	assert.equal(pick.int(0, 1e9), new Prng(9).int(0, 1e9));
});

test('the extra finding is one the image lacks, the report states it and the list names it', () => {
	const pick = new Prng(10);
	let extras = 0;
	for (const { c, truth } of studies) {
		const out = extraFinding(c.findings, truth, questionLabels, 0.5, pick);
		if (!out.extra) {
			assert.deepEqual(out.labels, truth);
			continue;
		}
		extras++;
		assert.ok(!(truth as readonly string[]).includes(out.extra));
		assert.deepEqual(
			out.labels,
			questionLabels.filter((l) => truth.includes(l) || l === out.extra),
		);
		assert.deepEqual(
			labelsOf(out.findings).filter((l) => l !== 'No Finding'),
			out.labels,
		);
		const report = writeReportSentences(out.findings, c.seed)
			.map((s) => s.text)
			.join(' ');
		assert.equal(labelReport(report)[out.extra], 'positive', report);
		// The image's own findings keep their details (sides, sizes, devices).
		for (const [key, was] of Object.entries(c.findings))
			if (was && !(Array.isArray(was) && !was.length))
				assert.deepEqual(out.findings[key as keyof typeof c.findings], was, key);
		// A reader's edit of that report changes only what was asked, the extra finding included.
		const absent = questionLabels.filter((l) => !out.labels.includes(l));
		const edit = readerEditCorrection({ ...c, findings: out.findings }, out.labels, absent, pick);
		assert.deepEqual(checkCorrection(report, edit.report, edit), { unasked: [], changed: [] });
	}
	assert.ok(extras / studies.length > 0.35 && extras / studies.length < 0.65, `${extras} of ${studies.length}`);
});
