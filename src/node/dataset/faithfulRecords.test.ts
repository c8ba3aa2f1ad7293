// The training answers of the demo model keep the report's sides, sizes and devices, quote only its own
// sentences, and answer treatment questions with the clinician's decision: read by the faithfulness checker
// on records the builder generates, as the bench reads the trained model's answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chexpertLabels, type ChexpertLabel } from '../../common/domain/chexpert.js';
import {
	checkCorrection,
	checkFaithfulness,
	isManagementQuestion,
	readStatements,
	reportQuotes,
	treatmentCaveat,
} from '../../common/faithfulness/index.js';
import { labelReport } from '../../common/labeler/labelReport.js';
import { drawnLabels } from '../../common/phantoms/PhantomCase.js';
import { Prng } from '../../common/phantoms/Prng.js';
import { writeReportSentences } from '../../common/phantoms/sentenceBank.js';
import { managementQuestion } from '../../common/phantoms/teacherTexts.js';
import { instructSample } from './buildInstructDataset.js';
import { phantomSourceImages } from './phantomSourceImages.js';
import { readerEditCorrection } from './readerEditCorrection.js';

const seeds = Array.from({ length: 200 }, (_, i) => 1 + i);
const questionLabels = drawnLabels.filter((l) => l !== 'No Finding');
const answerOf = (instruction: string) => instruction.split(' ASSISTANT: ')[1]!.split('</s>USER: ')[0]!;

/** Each finding the report states with a side (or a size), for the "says it when the report does" checks. */
function detailed(report: string, what: 'sides' | 'sizes'): Set<string> {
	return new Set(
		readStatements(report)
			.filter((s) => s.presence === 'stated' && s[what].length)
			.map((s) => s.finding),
	);
}

test('200 seeds: easy-language and summary answers agree with the report and carry every side and size', async () => {
	for (const variation of [0, 7]) {
		const { images, teacher } = phantomSourceImages(seeds, variation);
		const rng = new Prng(11 + variation);
		for (const img of images)
			for (const task of ['EL', 'SU'] as const) {
				const r = (await instructSample(task, img, img.labels, teacher, questionLabels, rng))!;
				const where = `seed ${seeds[images.indexOf(img)]} ${task}: ${r.output} | ${img.report}`;
				assert.deepEqual(checkFaithfulness(img.report, r.output), [], where);
				const said = readStatements(r.output, true);
				for (const what of ['sides', 'sizes'] as const)
					for (const f of detailed(img.report, what))
						assert.ok(
							said.some((s) => s.finding === f && s[what].length),
							`${f} without its ${what}: ${where}`,
						);
			}
	}
});

test('200 seeds: region answers agree with the report; reasoning answers quote only its sentences', async () => {
	const { images, teacher } = phantomSourceImages(seeds, 3);
	const rng = new Prng(5);
	let reasoning = 0;
	for (const img of images) {
		const region = (await instructSample('RQA', img, img.labels, teacher, questionLabels, rng))!;
		assert.deepEqual(checkFaithfulness(img.report, region.output), [], `${region.output} | ${img.report}`);
		const why = await instructSample('RE', img, img.labels, teacher, questionLabels, rng);
		if (!why) continue;
		reasoning++;
		const quotes = reportQuotes([answerOf(why.instruction)], why.output);
		assert.ok(quotes.length > 0, why.output);
		assert.ok(
			quotes.every((q) => q.inReport),
			`${why.output} | ${img.report}`,
		);
	}
	assert.ok(reasoning > 100, `${reasoning} reasoning answers`);
});

const positives = (text: string) => {
	const l = labelReport(text);
	return chexpertLabels.filter((x) => x !== 'No Finding' && l[x] === 'positive');
};

test('200 seeds: corrections change what was asked and nothing else (sides and sizes of the rest kept)', async () => {
	for (const variation of [0, 4]) {
		const { images, teacher, cases } = phantomSourceImages(seeds, variation);
		const rng = new Prng(9);
		for (const img of images) {
			// The builder's correction: from a report written blind back to the image's report.
			const co = await instructSample('CO', img, img.labels, teacher, questionLabels, rng);
			if (co) {
				const first = answerOf(co.instruction);
				const truth = new Set<ChexpertLabel>(img.labels);
				const wrong = new Set(positives(first));
				const asked = {
					add: [...truth].filter((l) => !wrong.has(l)),
					remove: [...wrong].filter((l) => !truth.has(l)),
				};
				assert.deepEqual(checkCorrection(first, co.output, asked), { unasked: [], changed: [] }, co.output);
			}
			// The reader's edit of the true report.
			const truth = questionLabels.filter((l) => img.labels.includes(l));
			const absent = questionLabels.filter((l) => !truth.includes(l));
			const edit = readerEditCorrection(cases.get(img.dicomId)!, truth, absent, rng);
			assert.deepEqual(
				checkCorrection(img.report, edit.report, edit),
				{ unasked: [], changed: [] },
				`${JSON.stringify(edit)} | ${img.report}`,
			);
		}
	}
});

test('treatment questions are ones the workstation treats as such, answered with the caveat and report words', () => {
	const { images, cases } = phantomSourceImages(seeds.slice(0, 60));
	const rng = new Prng(2);
	for (const img of images) {
		const c = cases.get(img.dicomId)!;
		const q = managementQuestion(writeReportSentences(c.findings, c.seed), treatmentCaveat, rng);
		assert.ok(isManagementQuestion(q.question), q.question);
		assert.ok(q.answer.startsWith(treatmentCaveat), q.answer);
		assert.doesNotMatch(q.answer, /\b(?:yes|no)\b/i);
		assert.ok(
			reportQuotes([img.report], q.answer).every((x) => x.inReport),
			q.answer,
		);
		assert.deepEqual(checkFaithfulness(img.report, q.answer), [], q.answer);
	}
});
