// The README's commands, typed literally, in a fresh copy of the repository: `npm start` and
// `npx radialog --help`. Earlier tests started bin/start.mjs directly and so never noticed that
// package.json pointed at files that were not committed.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { test } from 'node:test';
import { tempDir } from '../helpers/tempDir.js';

const root = path.resolve('.');

/**
 * What a clone of this working tree holds: the tracked files and the untracked ones git does not
 * ignore. `npm install` (the README's first command) is stood in for by a link to the installed
 * node_modules, since the registry may be out of reach while the tests run.
 */
function freshCopy(): string {
	const dir = path.join(tempDir('radialog-clone-'), 'radialog');
	const listed = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], { cwd: root });
	for (const file of listed.toString('utf8').split('\0').filter(Boolean)) {
		if (!fs.existsSync(path.join(root, file))) continue; // deleted in the working tree, not yet committed
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(root, file), path.join(dir, file));
	}
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

const clone = freshCopy();

test('README: `npx radialog --help` lists the commands', () => {
	const r = spawnSync('npx', ['radialog', '--help'], { cwd: clone, encoding: 'utf8', timeout: 120_000 });
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /Usage: radialog <command>/);
	assert.match(r.stdout, /serve\s+Serve the workstation in browser mode/);
});

test('README: `npm start` builds the UI on first start and serves browser mode', async () => {
	const dataDir = tempDir();
	// detached: npm starts a shell and node under it; the whole group is stopped at the end.
	const child = spawn('npm', ['start', '--', '--no-open', '--data-dir', dataDir], {
		cwd: clone,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, RADIALOG_RECEIVER_PORT: 'off' },
	});
	const output: string[] = [];
	child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
	try {
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`npm start did not get ready:\n${output.join('')}`)),
				240_000,
			);
			readline.createInterface({ input: child.stdout }).on('line', (line) => {
				output.push(line);
				const m = /Workstation ready at (\S+)/.exec(line);
				if (m?.[1]) {
					clearTimeout(timer);
					resolve(m[1]);
				}
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`npm start exited with ${code}:\n${output.join('\n')}`));
			});
		});
		assert.match(output.join('\n'), /Building the user interface \(first start\)/);
		assert.ok(fs.existsSync(path.join(clone, 'dist', 'renderer', 'index.html')));
		const page = await fetch(new URL('/', url));
		assert.equal(page.status, 200);
		assert.match(await page.text(), /<div id="root">/);
	} finally {
		if (child.exitCode === null && child.pid) {
			const exited = new Promise((r) => child.once('exit', r));
			process.kill(-child.pid, 'SIGTERM');
			await exited;
		}
	}
});
