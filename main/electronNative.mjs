// Builds better-sqlite3 once more, against Electron's ABI, into dist/electron-native/, leaving Node's
// build in node_modules untouched: tests, the CLI and browser mode keep working beside the Electron app.
// Runs only where the Electron runtime is installed (it needs Electron's version and headers).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let electronVersion;
try {
	electronVersion = require('electron/package.json').version;
	if (!fs.existsSync(require('electron'))) throw new Error('binary missing');
} catch {
	console.log(
		'Electron runtime not installed: skipping the Electron build of better-sqlite3 ' +
			"(browser mode and tests use Node's).",
	);
	process.exit(0);
}
const src = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bsql-electron-'));
fs.cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const gyp = require.resolve('node-gyp/bin/node-gyp.js');
const r = spawnSync(
	process.execPath,
	[
		gyp,
		'rebuild',
		'--release',
		`--target=${electronVersion}`,
		'--runtime=electron',
		'--dist-url=https://electronjs.org/headers',
	],
	{ cwd: work, stdio: 'inherit' },
);
if (r.status !== 0) process.exit(r.status ?? 1);
fs.mkdirSync(path.join(root, 'dist', 'electron-native'), { recursive: true });
fs.copyFileSync(
	path.join(work, 'build', 'Release', 'better_sqlite3.node'),
	path.join(root, 'dist', 'electron-native', 'better_sqlite3.node'),
);
console.log(`Built better-sqlite3 for Electron ${electronVersion} into dist/electron-native/.`);
