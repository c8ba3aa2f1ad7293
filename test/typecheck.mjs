#!/usr/bin/env node
// Type-checks each tree against its own tsconfig (the pure tree gets no DOM and no Node types).
// main/ needs Electron's type definitions, which come with the electron package: where its install
// was skipped entirely, main/ is reported as not checked rather than failing the whole run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const projects = ['src/common', 'src/node', 'renderer', 'test'];
if (fs.existsSync(path.join(root, 'node_modules', 'electron', 'electron.d.ts'))) projects.push('main');
else
	console.log(
		'typecheck: main/ skipped (the electron package is not installed;' +
			' install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 to get its types).',
	);
let failed = false;
for (const p of projects) {
	const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, p, 'tsconfig.json'), '--noEmit'], {
		stdio: 'inherit',
	});
	if (r.status !== 0) failed = true;
	else console.log(`typecheck: ${p} ok`);
}
process.exit(failed ? 1 : 0);
