import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test } from 'node:test';
import { labelReport } from '../../common/labeler/labelReport.js';
import { drawnLabels } from '../../common/phantoms/PhantomCase.js';
import { renderFollowUpPrompt } from '../../common/radialog/conversation.js';
import { renderVicunaPrompt } from '../../common/radialog/vicunaPrompt.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { buildInstructDataset, reportGenerationInstruction, stratify } from './buildInstructDataset.js';
import type { SourceImage } from './InstructTeacher.js';
import { csvRecords } from './parseCsv.js';
import { phantomSourceImages } from './phantomSourceImages.js';
import { recordPromptText } from './recordPrompt.js';
import { readDatasetFile, serializeDataset, writeDatasetFile } from './writeDatasetFile.js';
import { Prng } from '../../common/phantoms/Prng.js';

const seeds = Array.from({ length: 280 }, (_, i) => 100001 + i);
const questionLabels = drawnLabels.filter((l) => l !== 'No Finding');

test(
	'one report-generation sample and one instruct task per image, tasks even, shuffled, ' +
		'same shape as the published file',
	async () => {
		const { images, teacher } = phantomSourceImages(seeds);
		const { records, summary } = await buildInstructDataset(images, teacher, { seed: 3, questionLabels });
		assert.equal(records.length, 2 * summary.images);
		assert.equal(summary.tasks.RG, summary.images);
		const instruct = Object.entries(summary.tasks)
			.filter(([t]) => t !== 'RG')
			.map(([, n]) => n);
		assert.ok(
			Math.max(...instruct) - Math.min(...instruct) <= (summary.images / 7) * 0.35,
			`tasks split evenly: ${JSON.stringify(summary.tasks)}`,
		);
		for (const r of records) {
			assert.deepEqual(Object.keys(r), ['instruction', 'output', 'dicom']);
			assert.match(r.instruction, /^Image information: (<IMG>){32}\. Predicted Findings: /);
		}
		const firstRg = records.findIndex((r) => !r.instruction.includes('</s>USER:'));
		assert.ok(
			records.slice(0, 20).some((r) => r.instruction.includes('</s>USER:')) && firstRg < 20,
			'report generation and instruct samples are mixed',
		);
		const byImage = new Map<string, number>();
		for (const r of records) byImage.set(r.dicom, (byImage.get(r.dicom) ?? 0) + 1);
		assert.ok([...byImage.values()].every((n) => n === 2));
	},
);

test('an instruct record renders to exactly the prompt the runtime builds for that follow-up', async () => {
	const { images, teacher } = phantomSourceImages(seeds.slice(0, 40));
	const { records } = await buildInstructDataset(images, teacher, { seed: 4, questionLabels });
	const imageOf = new Map(images.map((i) => [i.dicomId, i]));
	// Not a correction: its first prompt names the erroneous findings (checked below).
	const r = records.find(
		(x) =>
			x.instruction.includes('</s>USER:') &&
			x.instruction.includes(` ASSISTANT: ${imageOf.get(x.dicom)!.report}</s>`),
	)!;
	const img = imageOf.get(r.dicom)!;
	const message = r.instruction.slice(r.instruction.lastIndexOf('</s>USER: ') + 10);
	const report = r.instruction.slice(r.instruction.indexOf(' ASSISTANT: ') + 12, r.instruction.indexOf('</s>USER: '));
	const system = 'A system text.';
	assert.equal(
		renderVicunaPrompt(system, [{ user: recordPromptText(r.instruction) }]),
		renderFollowUpPrompt(system, img.labels, report, [], message),
	);
});

test(
	'corrections name what the first report missed and wrongly stated, ' + 'and the answer fixes exactly that',
	async () => {
		const { images, teacher } = phantomSourceImages(seeds);
		const { records } = await buildInstructDataset(images, teacher, { seed: 5, questionLabels });
		const firstAnswer = (i: string) => i.slice(i.indexOf(' ASSISTANT: ') + 12, i.indexOf('</s>USER: '));
		const reportOf = new Map(images.map((i) => [i.dicomId, i.report]));
		// Only corrections start from a report other than the ground truth.
		const corrections = records.filter(
			(r) => r.instruction.includes('</s>USER: ') && firstAnswer(r.instruction) !== reportOf.get(r.dicom),
		);
		assert.ok(corrections.length > 20);
		for (const r of corrections) {
			const img = images.find((i) => i.dicomId === r.dicom)!;
			const said = labelReport(r.output);
			for (const l of img.labels.filter((x) => x !== 'No Finding'))
				assert.equal(said[l], 'positive', `${l} in "${r.output}"`);
			const first = r.instruction.slice(
				r.instruction.indexOf(' ASSISTANT: ') + 12,
				r.instruction.indexOf('</s>USER: '),
			);
			assert.notEqual(first, r.output, 'the first answer is a report with errors');
			// The first prompt names the findings the erroneous report was written from, not the truth: a model
			// must follow the correction, it cannot just rewrite the report from the findings list.
			assert.ok(
				!r.instruction.startsWith(reportGenerationInstruction(img.labels)),
				'the first prompt names the erroneous findings',
			);
			const wrongLabels = labelReport(first);
			assert.ok(
				r.instruction.startsWith(
					reportGenerationInstruction(
						drawnLabels.filter((l) => l !== 'No Finding' && wrongLabels[l] === 'positive'),
					),
				) || r.instruction.startsWith(reportGenerationInstruction(['No Finding'])),
				`first prompt and first report agree: ${r.instruction.slice(0, 200)}`,
			);
		}
	},
);

test('no-finding images are cut to at most a quarter; all images with findings stay', () => {
	const img = (id: number, labels: SourceImage['labels']): SourceImage => ({
		dicomId: String(id),
		report: 'x',
		labels,
	});
	const images = [
		...Array.from({ length: 30 }, (_, i) => img(i, ['Edema'])),
		...Array.from({ length: 50 }, (_, i) => img(100 + i, ['No Finding'])),
	];
	const { kept, dropped } = stratify(images, new Prng(1));
	assert.equal(kept.filter((i) => i.labels.includes('Edema')).length, 30);
	assert.equal(kept.length, 40);
	assert.equal(dropped, 40);
});

test('the file is gzip JSON written the way Python writes it, and reads back', () => {
	const dir = tempDir('dataset');
	const records = [{ instruction: 'Image information: <IMG>. a "q" é', output: 'line\nnext', dicom: 'd1' }];
	const file = path.join(dir, 'x.json.gz');
	writeDatasetFile(file, records);
	assert.equal(
		zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'),
		'[{"instruction": "Image information: <IMG>. a \\"q\\" \\u00e9", "output": "line\\nnext", "dicom": "d1"}]',
	);
	assert.deepEqual(readDatasetFile(file), records);
	assert.equal(serializeDataset([]), '[]');
});

test('CSV with quotes, commas and newlines inside fields', () => {
	assert.deepEqual(csvRecords('dicom_id,findings\r\na1,"The heart, ""normal"".\nLungs clear."\n'), [
		{ dicom_id: 'a1', findings: 'The heart, "normal".\nLungs clear.' },
	]);
});
