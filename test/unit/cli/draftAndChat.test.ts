import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { generatePhantomStudies } from '../../../src/node/phantoms/generatePhantomStudies.js';
import { testModelsDir } from '../../fixtures/testModels.js';
import { tempDir } from '../../helpers/tempDir.js';

const cli = path.resolve('bin/radialog.mjs');
const studies = tempDir();
let models: string;

before(() => {
	models = testModelsDir();
	generatePhantomStudies({ outDir: studies, count: 2, size: 256 });
	fs.writeFileSync(path.join(studies, 'notes.txt'), 'not an image');
});

/** What `radialog draft --json` prints: per file, a draft or why the file was not usable. */
interface DraftJson {
	readonly notice: string;
	readonly draft: boolean;
	readonly studies: readonly {
		readonly study: string | null;
		readonly file: string;
		readonly findings?: readonly unknown[];
		readonly report?: string;
		readonly error?: string;
	}[];
}

const radialog = (args: string[], input?: string) =>
	spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, timeout: 120_000 });

test('radialog draft --json: findings and a draft per study, unusable files reported, the notice carried', () => {
	const r = radialog(['draft', studies, '--json', '--models', models, '--threads', '1']);
	assert.equal(r.status, 0, r.stderr);
	const out = JSON.parse(r.stdout) as DraftJson;
	assert.match(out.notice, /random weights/);
	assert.equal(out.draft, true);
	const drafted = out.studies.filter((s) => s.report !== undefined);
	assert.equal(drafted.length, 2);
	for (const s of drafted) {
		assert.equal(s.findings?.length, 14);
		assert.ok(s.report!.length > 0);
		assert.ok(s.study);
	}
	const bad = out.studies.find((s) => s.file.endsWith('notes.txt'));
	assert.match(bad?.error ?? '', /not usable as an image/);
});

test('radialog draft prints text; a missing model set fails with the manifest named', () => {
	const one = path.join(
		studies,
		fs.readdirSync(studies).find((f) => f.endsWith('.dcm'))!,
	);
	const r = radialog(['draft', one, '--models', models, '--threads', '1']);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /Predicted findings: /);
	assert.match(r.stdout, /Draft report \(AI-written, not signed\): \S/);
	assert.match(r.stdout, /Notice: Test models/);
	const missing = radialog(['draft', one, '--models', path.join(studies, 'no-models'), '--threads', '1']);
	assert.equal(missing.status, 1);
	assert.match(missing.stderr, /InvalidManifest|manifest/);
	assert.match(missing.stderr, /no-models[\\/]manifest\.json/);
});

test('radialog chat: draft, then slash commands and free questions from stdin', () => {
	const one = path.join(
		studies,
		fs.readdirSync(studies).find((f) => f.endsWith('.dcm'))!,
	);
	const r = radialog(
		['chat', one, '--models', models, '--threads', '1'],
		'/has edema\n/correct +Edema -Fracture\nwhat about the heart?\n/has nonsense\n/quit\n',
	);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /Draft report \(AI-written, not signed\):/);
	assert.equal(r.stdout.match(/^> /gm)?.length, 5, r.stdout);
	assert.match(r.stdout, /"nonsense" is not a CheXpert finding/);
});
