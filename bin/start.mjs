#!/usr/bin/env node
// `npm start`: the Electron shell when its runtime is installed, browser mode otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCompiled } from './compile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

function electronBinary() {
	try {
		// electron's index.js throws when its binary was never downloaded.
		const bin = require('electron');
		return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
	} catch {
		return null;
	}
}

function ensureBuilt(what, marker, script) {
	if (fs.existsSync(path.join(root, marker))) return;
	console.log(`Building the ${what} (first start)...`);
	const r = spawnSync(process.execPath, [path.join(root, script[0]), ...script.slice(1)], {
		cwd: root,
		stdio: 'inherit',
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const viteBuild = [
	'node_modules/vite/bin/vite.js',
	'build',
	'--config',
	'renderer/vite.config.ts',
	'--logLevel',
	'warn',
];
ensureBuilt('user interface', 'dist/renderer/index.html', viteBuild);

const electron = args.includes('--browser') ? null : electronBinary();
if (electron) {
	ensureBuilt('Electron main process', 'dist/main/main.cjs', ['main/build.mjs']);
	const child = spawn(electron, [path.join(root, 'dist', 'main', 'main.cjs'), ...args], { stdio: 'inherit' });
	child.on('exit', (code) => process.exit(code ?? 0));
} else {
	if (!args.includes('--browser'))
		console.log(
			'Electron runtime not installed (its binary download failed or was skipped): ' +
				'starting browser mode instead.',
		);
	// In this process, not a child: a second Node start would double the time to the address.
	const { main } = await importCompiled('node/cli/main.ts');
	process.exitCode = await main(['serve', ...args.filter((a) => a !== '--browser')]);
}
