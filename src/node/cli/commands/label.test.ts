import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { chexpertLabels } from '../../../common/domain/chexpert.js';
import type { ReportLabels } from '../../../common/labeler/ReportLabels.js';
import { copyTestLabelerModel } from '../../../../test/fixtures/testLabelerModel.js';
import { tempDir } from '../../../../test/helpers/tempDir.js';

const cli = path.resolve('bin/radialog.mjs');
const label = (args: string[], input?: string) =>
	spawnSync(process.execPath, [cli, 'label', ...args], { input, encoding: 'utf8' });

/** One printed line per report: its index, the labeler that read it and the 14 observations. */
interface LabelLine {
	readonly index: number;
	readonly labeler: string;
	readonly labels: ReportLabels;
}
const labelLines = (stdout: string) =>
	stdout
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as LabelLine);

test('radialog label - reads one report per line from stdin and prints every observation per report', () => {
	const r = label(['-'], 'No pneumothorax.\n\nCannot exclude pneumonia. Stable cardiomegaly.\n');
	assert.equal(r.status, 0, r.stderr);
	const lines = labelLines(r.stdout);
	assert.equal(lines.length, 2);
	assert.deepEqual(Object.keys(lines[0]!.labels).sort(), [...chexpertLabels].sort());
	assert.equal(lines[0]!.labels.Pneumothorax, 'negative');
	assert.equal(lines[0]!.labels['No Finding'], 'positive');
	assert.equal(lines[1]!.index, 1);
	assert.equal(lines[1]!.labels.Pneumonia, 'uncertain');
	assert.equal(lines[1]!.labels.Cardiomegaly, 'positive');
});

test('radialog label <file> reads a JSON list', () => {
	const file = path.join(tempDir(), 'reports.json');
	fs.writeFileSync(file, JSON.stringify(['Lines and tubes in place.', { report: 'Small left pleural effusion.' }]));
	const r = label([file]);
	assert.equal(r.status, 0, r.stderr);
	const [a, b] = labelLines(r.stdout);
	assert.equal(a!.labels['Support Devices'], 'positive');
	assert.equal(b!.labels['Pleural Effusion'], 'positive');
});

test('radialog label without input is a usage error', () => {
	assert.equal(label([]).status, 2);
});

const onnxLabeler = "radialog label --models DIR labels with the manifest's ONNX labeler";
test(`${onnxLabeler}; --labeler rules overrides; a changed file is refused`, () => {
	const models = copyTestLabelerModel(tempDir());
	const input = 'Zorblax.\nNo pneumothorax.\n';
	const r = label(['-', '--models', models], input);
	assert.equal(r.status, 0, r.stderr);
	const [a, b] = labelLines(r.stdout);
	assert.equal(a!.labeler, 'test-chexbert-shaped');
	assert.equal(a!.labels.Edema, 'positive', 'a word only the test model knows');
	assert.equal(b!.labels.Pneumothorax, 'negative');
	const rules = label(['-', '--models', models, '--labeler', 'rules'], input);
	assert.equal(rules.status, 0, rules.stderr);
	const [ra] = labelLines(rules.stdout);
	assert.equal(ra!.labeler, 'rules');
	assert.equal(ra!.labels.Edema, 'not_mentioned');
	fs.appendFileSync(path.join(models, 'labeler.onnx'), 'x');
	const bad = label(['-', '--models', models], input);
	assert.equal(bad.status, 1);
	assert.match(bad.stderr, /sha256 mismatch.*labeler\.onnx/);
	assert.equal(bad.stdout, '', 'nothing is labelled by another labeler instead');
});
