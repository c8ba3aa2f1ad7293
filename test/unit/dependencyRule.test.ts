import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/tempDir.js';

const root = path.resolve('.');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Lays out a tiny project with the real rule file and the given sources, then runs the real check on it. */
function cruise(files: Record<string, string>) {
	const dir = tempDir('depcruise-');
	fs.copyFileSync(path.join(root, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
	fs.copyFileSync(path.join(root, 'tsconfig.base.json'), path.join(dir, 'tsconfig.base.json'));
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	const r = spawnSync(
		process.execPath,
		[depcruise, 'src', 'main', 'renderer', '--config', '.dependency-cruiser.cjs'],
		{ cwd: dir, encoding: 'utf8' },
	);
	return { status: r.status, output: r.stdout + r.stderr };
}

const clean = {
	'src/common/api/contract.ts': 'export const x = 1;\n',
	'src/node/service.ts': "import { x } from '../common/api/contract.js';\nexport const y = x;\n",
	'renderer/src/app.ts': "import { x } from '../../src/common/api/contract.js';\nexport const z = x;\n",
	'main/main.ts': "import { y } from '../src/node/service.js';\nexport const w = y;\n",
};

test('the real tree passes the rule', () => {
	const r = spawnSync(
		process.execPath,
		[depcruise, 'src', 'main', 'renderer', '--config', '.dependency-cruiser.cjs'],
		{ cwd: root, encoding: 'utf8' },
	);
	assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('a layout that follows the rule passes', () => {
	const r = cruise(clean);
	assert.equal(r.status, 0, r.output);
});

test('src importing the renderer fails', () => {
	const r = cruise({
		...clean,
		'src/node/bad.ts': "import { z } from '../../renderer/src/app.js';\nexport const b = z;\n",
	});
	assert.notEqual(r.status, 0);
	assert.match(r.output, /src-not-to-shells/);
});

test('src importing electron fails', () => {
	const r = cruise({ ...clean, 'src/node/bad.ts': "import { app } from 'electron';\nexport const b = app;\n" });
	assert.notEqual(r.status, 0);
	assert.match(r.output, /src-not-to-electron/);
});

test('the renderer importing services from src fails', () => {
	const r = cruise({
		...clean,
		'renderer/src/bad.ts': "import { y } from '../../src/node/service.js';\nexport const b = y;\n",
	});
	assert.notEqual(r.status, 0);
	assert.match(r.output, /renderer-only-api-from-src/);
});

test('the pure tree importing a Node built-in fails', () => {
	const r = cruise({ ...clean, 'src/common/bad.ts': "import fs from 'node:fs';\nexport const b = fs;\n" });
	assert.notEqual(r.status, 0);
	assert.match(r.output, /common-is-pure/);
});

test('a heavy package used outside its home folder fails', () => {
	const r = cruise({
		...clean,
		'src/node/bad.ts': "import Database from 'better-sqlite3';\nexport const b = Database;\n",
	});
	assert.notEqual(r.status, 0);
	assert.match(r.output, /home-of-better-sqlite3/);
});

test('src importing test/ fails; a test beside the code may', () => {
	const helper = { 'test/helpers/fake.ts': 'export const f = 1;\n' };
	const besideCode = {
		...clean,
		...helper,
		'src/node/service.test.ts': "import { f } from '../../test/helpers/fake.js';\nexport const t = f;\n",
	};
	assert.equal(cruise(besideCode).status, 0, cruise(besideCode).output);
	const r = cruise({
		...clean,
		...helper,
		'src/node/bad.ts': "import { f } from '../../test/helpers/fake.js';\nexport const b = f;\n",
	});
	assert.notEqual(r.status, 0);
	assert.match(r.output, /src-not-to-test/);
});

const capabilities = {
	'src/node/export/index.ts': "export type { Source } from './Source.js';\n",
	'src/node/export/Source.ts': 'export interface Source { document(): string }\n',
	'src/node/export/Writer.ts': "import type { Source } from './Source.js';\nexport const w = (s: Source) => s;\n",
};

test("a capability importing another's index.ts passes", () => {
	const r = cruise({
		...clean,
		...capabilities,
		'src/node/reporting/Docs.ts':
			"import type { Source } from '../export/index.js';\nexport const d: Source = { document: () => '' };\n",
	});
	assert.equal(r.status, 0, r.output);
});

test("a capability importing another's inner file fails", () => {
	const r = cruise({
		...clean,
		...capabilities,
		'src/node/reporting/Docs.ts': "import { w } from '../export/Writer.js';\nexport const d = w;\n",
	});
	assert.notEqual(r.status, 0);
	assert.match(r.output, /capability-through-index/);
});
