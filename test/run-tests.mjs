#!/usr/bin/env node
// Runs every test file with node's test runner (through tsx for TypeScript), one file at a time since
// the machines that run CI have two cores and several tests start servers or models.
//   --unit   only unit tests (test/unit and *.test.ts beside the code)
//   --e2e    only end-to-end tests (test/e2e), which need a built renderer and /usr/bin/chromium
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--e2e') ? 'e2e' : null;
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir, out = []) {
	if (!fs.existsSync(dir)) return out;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, out);
		else if (/\.test\.tsx?$/.test(e.name)) out.push(path.relative(root, p));
	}
	return out;
}

const unit = [
	...walk(path.join(root, 'src')),
	...walk(path.join(root, 'main')),
	...walk(path.join(root, 'test', 'unit')),
];
const e2e = walk(path.join(root, 'test', 'e2e'));
let files = only === 'unit' ? unit : only === 'e2e' ? e2e : [...unit, ...e2e];
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
files.sort();
if (!files.length) {
	console.error('No test files matched.');
	process.exit(1);
}
fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
const r = spawnSync(
	process.execPath,
	['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
	{
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, RADIALOG_TEST_OUTPUT: path.join(root, 'test-output') },
	},
);
process.exit(r.status ?? 1);
