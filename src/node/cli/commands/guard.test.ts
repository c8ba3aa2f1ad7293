import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../../test/helpers/tempDir.js';

const cli = path.resolve('bin/radialog.mjs');

function guard(report: string, text: string, ...flags: string[]) {
	const dir = tempDir();
	fs.writeFileSync(path.join(dir, 'report.txt'), report);
	fs.writeFileSync(path.join(dir, 'text.txt'), text);
	const args = ['guard', '--report', path.join(dir, 'report.txt'), '--text', path.join(dir, 'text.txt'), ...flags];
	return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
}

interface GuardJson {
	readonly contradictions: readonly { finding: string; report: string; text: string }[];
}

const report = 'FINDINGS: Small left-sided effusion, moderate right pneumothorax.\nIMPRESSION: No pneumonia.';

test('radialog guard --json lists the swapped side and the changed size, with both sentences', () => {
	const r = guard(report, 'Moderate pleural effusion / small left pneumothorax.', '--json');
	assert.equal(r.status, 0, r.stderr);
	const out = JSON.parse(r.stdout) as GuardJson;
	assert.deepEqual(out.contradictions, [
		{
			finding: 'Pleural Effusion',
			report: 'Small left-sided effusion, moderate right pneumothorax.',
			text: 'Moderate pleural effusion',
		},
		{
			finding: 'Pneumothorax',
			report: 'Small left-sided effusion, moderate right pneumothorax.',
			text: 'small left pneumothorax.',
		},
	]);
});

test('radialog guard --json: a finding the report denies, with report "" for one it never mentions', () => {
	const r = guard(
		'No pleural effusion. Heart size is normal.',
		'There is fluid around the lung. You have a broken rib.',
		'--json',
	);
	assert.equal(r.status, 0, r.stderr);
	assert.deepEqual((JSON.parse(r.stdout) as GuardJson).contradictions, [
		{ finding: 'Pleural Effusion', report: 'No pleural effusion.', text: 'There is fluid around the lung.' },
		{ finding: 'Fracture', report: '', text: 'You have a broken rib.' },
	]);
});

test('radialog guard --json prints an empty list for a faithful text', () => {
	const text =
		'There is a small amount of fluid around the left lung and some air outside the right lung. No broken bones.';
	const r = guard(report, text, '--json');
	assert.equal(r.status, 0, r.stderr);
	assert.deepEqual(JSON.parse(r.stdout), { contradictions: [] });
});

test('radialog guard without --json prints a readable list', () => {
	const r = guard(report, 'There is air outside the left lung.');
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /1 contradiction with the report/);
	assert.match(r.stdout, /Pneumothorax \(side\)\n {4}text: {3}There is air outside the left lung\./);
	assert.match(guard(report, 'Small left effusion.').stdout, /^Faithful/);
});

test('radialog guard: a missing option or file is a usage error', () => {
	const noText = spawnSync(process.execPath, [cli, 'guard', '--report', 'x.txt'], { encoding: 'utf8' });
	assert.equal(noText.status, 2);
	assert.match(noText.stderr, /--text TEXT\.txt/);
	const missing = spawnSync(process.execPath, [cli, 'guard', '--report', 'nope.txt', '--text', 'nope.txt'], {
		encoding: 'utf8',
	});
	assert.equal(missing.status, 2);
	assert.match(missing.stderr, /cannot read the report "nope\.txt": ENOENT/);
});

test('radialog guard --json prints exactly the documented object, keys in order, nothing else', () => {
	const r = guard('No pleural effusion.', 'There is fluid around the lung.', '--json');
	assert.equal(r.status, 0, r.stderr);
	assert.equal(r.stderr, '');
	assert.equal(
		r.stdout,
		'{\n  "contradictions": [\n    {\n      "finding": "Pleural Effusion",\n' +
			'      "report": "No pleural effusion.",\n      "text": "There is fluid around the lung."\n    }\n  ]\n}\n',
	);
	assert.equal(guard('No pleural effusion.', 'No broken bones.', '--json').stdout, '{\n  "contradictions": []\n}\n');
});
