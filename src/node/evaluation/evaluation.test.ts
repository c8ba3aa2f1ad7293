import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test } from 'node:test';
import { RuleBasedReportLabeler } from '../../common/labeler/RuleBasedReportLabeler.js';
import { instructTemplates, renderInstruction, instructTasks } from '../../common/radialog/instructTemplates.js';
import type { AssistantImage, ReportAssistant } from '../../common/radialog/ReportAssistant.js';
import { followUpInstruction, reportGenerationInstruction } from '../dataset/buildInstructDataset.js';
import { writeDatasetFile } from '../dataset/writeDatasetFile.js';
import { dcmtk, makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { answerScore } from './answerScores.js';
import { datasetImageFolder, ImageNotFound } from './datasetImageFolder.js';
import { draftReports } from './draftReports.js';
import { evaluatePredictions } from './evaluatePredictions.js';
import { followUpParts, instructTaskOf } from './instructTask.js';
import { parseCsv } from '../dataset/parseCsv.js';
import { readEvalDataset } from './readEvalDataset.js';
import { readPredictions } from './readPredictions.js';
import { renderEvaluationHtml } from './renderEvaluationHtml.js';

const close = (a: number, e: number, what: string) => assert.ok(Math.abs(a - e) < 1e-9, `${what}: ${a} ≠ ${e}`);

test('CSV: quoted commas, doubled quotes, line breaks inside quotes, CRLF and a byte-order mark', () => {
	assert.deepEqual(parseCsv('\ufeffa,b\r\n"x, y","say ""no""\nnext"\r\n\r\n'), [
		['a', 'b'],
		['x, y', 'say "no"\nnext'],
	]);
});

test("instruct tasks: report generation, every project wording, and the published dataset's example wordings", () => {
	const report = 'Small left effusion.';
	assert.equal(instructTaskOf(reportGenerationInstruction(['Pleural Effusion'])), 'RG');
	const base = { pathology: 'pleural effusion', region: 'lungs', question: 'Are the lungs clear?' };
	const shapes = [
		{ add: ['Edema' as const], remove: ['Pneumothorax' as const] },
		{ add: ['Edema' as const] },
		{ remove: ['Pneumothorax' as const] },
	];
	for (const task of instructTasks) {
		for (const shape of task === 'CO' ? shapes : [{}]) {
			for (let v = 0; v < instructTemplates[task].length; v++) {
				const message = renderInstruction(task, v, { ...base, ...shape });
				assert.equal(instructTaskOf(followUpInstruction(['Pleural Effusion'], report, message)), task, message);
			}
		}
	}
	const published: [string, string][] = [
		['List all the finding in this report.', 'FQA_complete'],
		['Is there evidence of pleural effusion in the report?', 'FQA_binary'],
		['Why do you think the patient has pleural effusion?', 'RE'],
		["Is the patient's heart healthy?", 'RQA'],
		['Explain this report in very easy terms, such that a child would understand.', 'EL'],
		['Summarize this report with bullet points.', 'SU'],
		[
			'I disagree with the generated report, I think the patient has edema, but does not have effusion. ' +
				'Please adapt the report.',
			'CO',
		],
	];
	for (const [message, task] of published) {
		assert.equal(instructTaskOf(followUpInstruction([], report, message)), task, message);
		// The same turn in a layout without end-of-answer markers.
		assert.equal(
			instructTaskOf(`USER: ${reportGenerationInstruction([])} ASSISTANT: ${report} USER: ${message} ASSISTANT:`),
			task,
			message,
		);
	}
	const q = 'Summarize this report with bullet points.';
	assert.deepEqual(followUpParts(followUpInstruction([], report, q)), { report, message: q });
	assert.deepEqual(
		followUpParts(`USER: ${reportGenerationInstruction([])} ASSISTANT: ${report} USER: ${q} ASSISTANT:`),
		{ report, message: q },
	);
	assert.equal(followUpParts(reportGenerationInstruction([])), null);
});

test('datasets: the instruct .json.gz and a CSV of dicom id and report; predictions as JSON or CSV', () => {
	const dir = tempDir();
	const gz = path.join(dir, 'instruct.json.gz');
	writeDatasetFile(gz, [
		{ instruction: reportGenerationInstruction(['Cardiomegaly']), output: 'Moderate cardiomegaly.', dicom: 'd1' },
		{
			instruction: followUpInstruction(['Cardiomegaly'], 'Moderate cardiomegaly.', renderInstruction('SU', 0)),
			output: 'Large heart.',
			dicom: 'd1',
		},
	]);
	assert.deepEqual(
		readEvalDataset(gz).map((s) => [s.dicom, s.task, s.reference]),
		[
			['d1', 'RG', 'Moderate cardiomegaly.'],
			['d1', 'SU', 'Large heart.'],
		],
	);
	const csv = path.join(dir, 'reports.csv');
	fs.writeFileSync(csv, 'dicom_id,report\nd2,"No effusion, no pneumothorax."\n');
	assert.deepEqual(readEvalDataset(csv), [{ dicom: 'd2', task: 'RG', reference: 'No effusion, no pneumothorax.' }]);
	const plain = path.join(dir, 'plain.json');
	fs.writeFileSync(plain, zlib.gunzipSync(fs.readFileSync(gz)));
	assert.equal(readEvalDataset(plain).length, 2);

	const asJson = path.join(dir, 'p.json');
	fs.writeFileSync(
		asJson,
		JSON.stringify([
			{ dicom: 'd1', prediction: 'Cardiomegaly.' },
			{ dicom: 'd1', task: 'SU', prediction: 'Big heart.' },
		]),
	);
	assert.deepEqual(
		[...readPredictions(asJson)],
		[
			['d1', 'Cardiomegaly.'],
			['d1#SU', 'Big heart.'],
		],
	);
	const asObject = path.join(dir, 'o.json');
	fs.writeFileSync(asObject, JSON.stringify({ d2: 'Normal.' }));
	assert.deepEqual([...readPredictions(asObject)], [['d2', 'Normal.']]);
	const asCsv = path.join(dir, 'p.csv');
	fs.writeFileSync(asCsv, 'dicom_id,prediction,task\nd1,"Cardiomegaly, mild.",\nd1,Big heart.,SU\n');
	assert.deepEqual(
		[...readPredictions(asCsv)],
		[
			['d1', 'Cardiomegaly, mild.'],
			['d1#SU', 'Big heart.'],
		],
	);
	fs.writeFileSync(asCsv, 'dicom_id,prediction,task\nd1,x,XX\n');
	assert.throws(() => readPredictions(asCsv), /unknown task/);
});

test('evaluation per task and overall: text metrics everywhere, clinical efficacy for reports', async () => {
	const samples = [
		{ dicom: 'd1', task: 'RG' as const, reference: 'Moderate cardiomegaly. No pleural effusion.' },
		{ dicom: 'd2', task: 'RG' as const, reference: 'Small left pleural effusion.' },
		{ dicom: 'd3', task: 'RG' as const, reference: 'No acute cardiopulmonary process.' },
		{ dicom: 'd4', task: 'RG' as const, reference: 'Cardiomegaly.' },
		{ dicom: 'd1', task: 'EL' as const, reference: 'The heart is big.' },
	];
	const predictions = new Map([
		['d1', 'Moderate cardiomegaly. No pleural effusion.'],
		['d2', 'No pleural effusion. Heart size is normal.'],
		['d3', 'No acute cardiopulmonary process.'],
		['d1#EL', 'The heart is big.'],
	]);
	const r = await evaluatePredictions(samples, predictions, new RuleBasedReportLabeler(), {
		dataset: 'x',
		predictionsFrom: 'test',
		notice: 'Demo models <synthetic>',
	});
	assert.deepEqual(r.counts, { samples: 5, scored: 4, withoutPrediction: 1 });
	assert.deepEqual(
		r.tasks.map((t) => [t.task, t.samples]),
		[
			['RG', 3],
			['EL', 1],
		],
	);
	const el = r.tasks[1]!;
	assert.equal(el.clinicalEfficacy, null);
	assert.deepEqual(
		el.text.bleu.map((b) => Math.round(b * 1e9) / 1e9),
		[1, 1, 1, 1],
	);
	close(el.text.rougeL, 1, 'identical ROUGE-L');
	// By hand: Cardiomegaly TP in d1; Pleural Effusion FN in d2; No Finding FP in d2 and TP in d3.
	const ce = r.tasks[0]!.clinicalEfficacy!;
	close(ce.micro.precision, 2 / 3, 'micro P');
	close(ce.micro.recall, 2 / 3, 'micro R');
	close(ce.macro.f1, (1 + 2 / 3) / 14, 'macro F1 over 14 labels');
	close(r.overall.clinicalEfficacy!.micro.f1, 2 / 3, 'overall micro F1 (report tasks only)');
	assert.equal(r.overall.samples, 4);

	const html = renderEvaluationHtml(r);
	for (const marker of [
		'data-table="text"',
		'data-table="clinical-efficacy"',
		'data-table="per-label"',
		'data-chart="per-label"',
		'Pleural Effusion',
	])
		assert.ok(html.includes(marker), marker);
	assert.ok(html.includes('Demo models &#60;synthetic&#62;'), 'notice shown and escaped');
	assert.equal((html.match(/<rect [^>]*height="7"/g) ?? []).length, 14 * 3, 'three bars per observation');
});

test(
	"drafting: the classifier's positive findings feed report generation; " +
		'a missing image is a listed failure, a failing model is fatal',
	async () => {
		const asked: string[][] = [];
		// A scripted stand-in for the model stack: it checks the calls drafting makes, not report quality.
		const assistant: ReportAssistant = {
			notice: 'scripted',
			predictFindings: () =>
				Promise.resolve([
					{ label: 'Cardiomegaly', probability: 0.9, positive: true },
					{ label: 'Edema', probability: 0.2, positive: false },
				]),
			draftReport: ({ image, findings }) => {
				asked.push([...findings]);
				return Promise.resolve({
					text: `Report for ${image.key}.`,
					tokenCount: 3,
					prompt: '',
					stoppedBy: 'eos',
				});
			},
			followUp: ({ report, request, findings }) => {
				asked.push([...findings]);
				return Promise.resolve({
					text: `${request.task === 'free' ? request.text : ''} / ${report}`,
					tokenCount: 3,
					prompt: '',
					stoppedBy: 'eos',
				});
			},
			close: async () => {},
		};
		const imageOf = (dicom: string): Promise<AssistantImage> =>
			dicom === 'gone'
				? Promise.reject(new Error('no such image'))
				: Promise.resolve({ key: dicom, image: {} as AssistantImage['image'] });
		const su = followUpInstruction(['Edema'], 'Mild edema.', 'Summarise the report.');
		const samples = [
			{ dicom: 'a', task: 'RG' as const, reference: '' },
			{ dicom: 'a', task: 'SU' as const, reference: '', instruction: su },
			{ dicom: 'gone', task: 'RG' as const, reference: '' },
		];
		const { predictions, failures } = await draftReports(samples, assistant, imageOf);
		assert.deepEqual([...predictions], [['a', 'Report for a.']]);
		assert.deepEqual(asked, [['Cardiomegaly']]);
		assert.deepEqual(failures, [{ dicom: 'gone', reason: 'no such image' }]);
		// Follow-ups: the record's own first answer and its question, word for word, as a second turn.
		const withFollowUps = await draftReports(samples, assistant, imageOf, { followUps: true });
		assert.deepEqual(
			[...withFollowUps.predictions],
			[
				['a', 'Report for a.'],
				['a#SU', 'Summarise the report. / Mild edema.'],
			],
		);
		const broken: ReportAssistant = {
			...assistant,
			predictFindings: async () => Promise.reject(new Error('model process crashed')),
		};
		await assert.rejects(
			draftReports(samples, broken, imageOf),
			/model process crashed/,
			'a failing model ends the run',
		);
	},
);

test('dataset images by dicom id: DICOM files and MIMIC-CXR-JPG style JPEGs anywhere under the folder', async () => {
	const dir = tempDir();
	const dcm = makeDicomFixture(path.join(dir, 'p10', 'abc.dcm'), 'dx16');
	dcmtk('dcmj2pnm', ['+oj', '+Wm'], dcm, path.join(dir, 'p11', 's1', 'def.jpg'));
	const imageOf = datasetImageFolder(dir);
	const a = await imageOf('abc');
	const b = await imageOf('def');
	assert.equal(a.key, crypto.createHash('sha256').update(fs.readFileSync(dcm)).digest('hex'));
	assert.deepEqual(
		[b.image.rows, b.image.columns, b.image.samplesPerPixel, b.image.photometricInterpretation],
		[a.image.rows, a.image.columns, 1, 'MONOCHROME2'],
	);
	assert.equal(b.image.pixels.length, a.image.rows * a.image.columns);
	assert.ok(b.image.maxValue > b.image.minValue, 'the JPEG holds the fixture pattern, not a flat image');
	await assert.rejects(imageOf('nope'), ImageNotFound);
});

test('answer scores: yes/no accuracy and findings-list F1, by hand', () => {
	const yn = answerScore('FQA_binary', [
		{ reference: 'Yes.', prediction: 'yes' },
		{ reference: 'No, there is none.', prediction: 'Yes.' },
		{ reference: 'yes', prediction: 'Yes, clearly.' },
	]);
	assert.equal(yn?.kind, 'yes/no accuracy');
	close(yn.value, 2 / 3, 'yes/no accuracy');
	// "cardiomegaly" for "cardiomegaly, edema": F1 2·1/(1+2); an exact list: 1.
	const list = answerScore('FQA_complete', [
		{ reference: 'cardiomegaly, edema', prediction: 'Cardiomegaly' },
		{ reference: 'pleural effusion, support devices', prediction: 'support devices, pleural effusion' },
	]);
	close(list!.value, (2 / 3 + 1) / 2, 'findings list F1');
	assert.equal(answerScore('EL', [{ reference: 'a', prediction: 'b' }]), null);
});
