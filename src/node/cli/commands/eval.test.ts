import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { dcmtk, makeDicomFixture } from '../../../../test/helpers/dicomFixtures.js';
import { tempDir } from '../../../../test/helpers/tempDir.js';
import { testModelsDir } from '../../../../test/fixtures/testModels.js';
import { copyTestLabelerModel } from '../../../../test/fixtures/testLabelerModel.js';
import type { EvaluationResult, SampleOutcome } from '../../evaluation/evaluatePredictions.js';

const cli = path.resolve('bin/radialog.mjs');
const evalCli = (args: string[]) => spawnSync(process.execPath, [cli, 'eval', ...args], { encoding: 'utf8' });
const readResult = (out: string) =>
	JSON.parse(fs.readFileSync(path.join(out, 'evaluation.json'), 'utf8')) as EvaluationResult;
/** The overall scores of one CheXpert observation. */
const overallScore = (result: EvaluationResult, label: string) =>
	result.overall.clinicalEfficacy?.perLabel.find((l) => l.label === label);

test('radialog eval --dataset <csv> --predictions <csv> writes JSON and an HTML page', () => {
	const dir = tempDir();
	fs.writeFileSync(
		path.join(dir, 'refs.csv'),
		'dicom_id,report\na,"Moderate cardiomegaly. No pleural effusion."\nb,Small left pleural effusion.\n',
	);
	fs.writeFileSync(
		path.join(dir, 'preds.csv'),
		'dicom_id,prediction\na,"Moderate cardiomegaly. No pleural effusion."\nb,No pleural effusion.\n',
	);
	const out = path.join(dir, 'out');
	const r = evalCli([
		'--dataset',
		path.join(dir, 'refs.csv'),
		'--predictions',
		path.join(dir, 'preds.csv'),
		'--out',
		out,
	]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /scored 2 of 2 samples/);
	const result = readResult(out);
	assert.equal(result.tasks[0]?.task, 'RG');
	assert.equal(overallScore(result, 'Pleural Effusion')?.falseNegatives, 1);
	assert.equal(overallScore(result, 'Cardiomegaly')?.truePositives, 1);
	assert.match(fs.readFileSync(path.join(out, 'evaluation.html'), 'utf8'), /data-chart="per-label"/);
	const [a, b] = fs
		.readFileSync(path.join(out, 'samples.jsonl'), 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as SampleOutcome);
	assert.deepEqual(a?.positive, { predicted: ['Cardiomegaly'], reference: ['Cardiomegaly'] });
	assert.deepEqual(b?.positive, { predicted: ['No Finding'], reference: ['Pleural Effusion'] });
});

test('radialog eval reads the instruct .json.gz format and scores each task with its own predictions', () => {
	const dir = tempDir();
	const rg =
		'Image information: <IMG><IMG>. Predicted Findings: pleural effusion. ' +
		'Write the finding section of a chest x-ray radiology report.';
	const records = [
		{ instruction: rg, output: 'Small left pleural effusion.', dicom: 'x1' },
		{
			instruction:
				`${rg} ASSISTANT: Small left pleural effusion.</s>` +
				'USER: Summarize this report with bullet points. ASSISTANT:',
			output: '- small left effusion',
			dicom: 'x1',
		},
		{ instruction: rg, output: 'No pleural effusion.', dicom: 'x2' },
	];
	fs.writeFileSync(path.join(dir, 'set.json.gz'), zlib.gzipSync(JSON.stringify(records)));
	fs.writeFileSync(
		path.join(dir, 'preds.json'),
		JSON.stringify([
			{ dicom: 'x1', prediction: 'Small left pleural effusion.' },
			{ dicom: 'x1', task: 'SU', prediction: '- small left effusion' },
		]),
	);
	const out = path.join(dir, 'out');
	const r = evalCli([
		'--dataset',
		path.join(dir, 'set.json.gz'),
		'--predictions',
		path.join(dir, 'preds.json'),
		'--out',
		out,
	]);
	assert.equal(r.status, 0, r.stderr);
	const result = readResult(out);
	assert.deepEqual(result.counts, { samples: 3, scored: 2, withoutPrediction: 1 });
	assert.deepEqual(
		result.tasks.map((t) => [t.task, t.samples]),
		[
			['RG', 1],
			['SU', 1],
		],
	);
	assert.equal(result.tasks[1]?.clinicalEfficacy, null);
	assert.equal(overallScore(result, 'Pleural Effusion')?.truePositives, 1);
});

test('radialog eval needs predictions or images, and a positive --limit', () => {
	const dir = tempDir();
	fs.writeFileSync(path.join(dir, 'refs.csv'), 'dicom_id,report\na,Normal.\n');
	assert.equal(evalCli(['--dataset', path.join(dir, 'refs.csv')]).status, 2);
	assert.equal(evalCli(['--dataset', path.join(dir, 'refs.csv'), '--limit', '0', '--predictions', 'x']).status, 2);
});

const withModels = 'radialog eval --images --follow-ups drafts every task with the model stack';
test(`${withModels} (tiny random test models) and scores it`, () => {
	const dir = tempDir();
	makeDicomFixture(path.join(dir, 'images', 'img-a.dcm'), 'dx16');
	dcmtk(
		'dcmj2pnm',
		['+oj', '+Wm'],
		makeDicomFixture(path.join(dir, 'img-b.dcm'), 'mono1'),
		path.join(dir, 'images', 'sub', 'img-b.jpg'),
	);
	const rg = 'Image information: <IMG>. Predicted Findings: pleural effusion. Write the findings section.';
	fs.writeFileSync(
		path.join(dir, 'set.json.gz'),
		zlib.gzipSync(
			JSON.stringify([
				{ instruction: rg, output: 'Small left pleural effusion.', dicom: 'img-a' },
				{
					instruction:
						`${rg} ASSISTANT: Small left pleural effusion.</s>` + 'USER: Summarise the report. ASSISTANT:',
					output: 'Small effusion.',
					dicom: 'img-a',
				},
				{ instruction: rg, output: 'No acute process.', dicom: 'img-b' },
				{ instruction: rg, output: 'Cardiomegaly.', dicom: 'img-c' },
			]),
		),
	);
	const out = path.join(dir, 'out');
	const r = evalCli([
		'--dataset',
		path.join(dir, 'set.json.gz'),
		'--images',
		path.join(dir, 'images'),
		'--follow-ups',
		'--models',
		testModelsDir(),
		'--threads',
		'1',
		'--cpu',
		'--out',
		out,
	]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stderr, /not drafted: img-c: no image/);
	const result = readResult(out);
	assert.deepEqual(result.counts, { samples: 4, scored: 3, withoutPrediction: 1 });
	assert.deepEqual(
		result.tasks.map((t) => [t.task, t.samples]),
		[
			['RG', 2],
			['SU', 1],
		],
	);
	assert.match(result.predictionsFrom, /drafted by the model set/);
	assert.match(result.notice ?? '', /random weights/, "the model set's notice travels with the scores");
	assert.match(fs.readFileSync(path.join(out, 'evaluation.html'), 'utf8'), /data-notice/);
});

test("radialog eval --models DIR scores with the manifest's ONNX labeler, and says so", () => {
	const dir = tempDir();
	fs.writeFileSync(path.join(dir, 'refs.csv'), 'dicom_id,report\na,Zorblax.\n');
	fs.writeFileSync(path.join(dir, 'preds.csv'), 'dicom_id,prediction\na,Zorblax.\n');
	const out = path.join(dir, 'out');
	const r = evalCli([
		'--dataset',
		path.join(dir, 'refs.csv'),
		'--predictions',
		path.join(dir, 'preds.csv'),
		'--models',
		copyTestLabelerModel(dir),
		'--out',
		out,
	]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /labeler: test-chexbert-shaped/);
	const result = readResult(out);
	assert.equal(overallScore(result, 'Edema')?.truePositives, 1, 'only the test model reads "zorblax" as edema');
});
