// The README's commands, typed literally, in a fresh copy of the repository: `npm start` and
// `npx radialog --help`. Earlier tests started bin/start.mjs directly and so never noticed that
// package.json pointed at files that were not committed.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { npmStart } from '../helpers/npmStart.js';
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
	const started = await npmStart(clone, tempDir());
	try {
		assert.match(started.output.join('\n'), /Building the user interface \(first start\)/);
		assert.ok(fs.existsSync(path.join(clone, 'dist', 'renderer', 'index.html')));
		const page = await fetch(new URL('/', started.url));
		assert.equal(page.status, 200);
		assert.match(await page.text(), /<div id="root">/);
	} finally {
		await started.stop();
	}
});
