import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = process.cwd();

/** A copy of the program (bin/, src/, package.json) in a temporary folder, using this checkout's packages. */
function copyOfTheProgram(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-compiled-'));
	for (const p of ['bin', 'src', 'package.json'])
		fs.cpSync(path.join(root, p), path.join(dir, p), { recursive: true });
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

const radialog = (dir: string, ...args: string[]) =>
	spawnSync(process.execPath, [path.join(dir, 'bin', 'radialog.mjs'), ...args], { cwd: dir, encoding: 'utf8' });

test('the CLI runs JavaScript compiled into build/, compiled once and again when a source changes', () => {
	const dir = copyOfTheProgram();
	try {
		const first = radialog(dir, '--help');
		assert.equal(first.status, 0, first.stderr);
		assert.match(first.stderr, /Compiling the sources/);
		assert.ok(fs.existsSync(path.join(dir, 'build', 'node', 'cli', 'main.js')));
		assert.ok(fs.existsSync(path.join(dir, 'build', 'node', 'inference', 'process', 'modelProcessMain.js')));

		const again = radialog(dir, '--help');
		assert.equal(again.status, 0, again.stderr);
		assert.doesNotMatch(again.stderr, /Compiling/, 'an unchanged tree is not compiled again');

		// A pulled update: a new command appears in the sources.
		fs.writeFileSync(
			path.join(dir, 'src', 'node', 'cli', 'commands', 'probe.ts'),
			"export const summary = 'A command added after the first start';\n" +
				'export function run(): Promise<number> {\n\treturn Promise.resolve(0);\n}\n',
		);
		const updated = radialog(dir, '--help');
		assert.equal(updated.status, 0, updated.stderr);
		assert.match(updated.stderr, /Compiling the sources/);
		assert.match(updated.stdout, /probe\s+A command added after the first start/);

		// A server started before the update still loads its own chunks; a removed command is gone at once.
		const oldChunk = path.join(dir, 'build', 'chunks', 'from-an-earlier-build.js');
		fs.writeFileSync(oldChunk, 'export {};\n');
		fs.rmSync(path.join(dir, 'src', 'node', 'cli', 'commands', 'probe.ts'));
		const removed = radialog(dir, '--help');
		assert.equal(removed.status, 0, removed.stderr);
		assert.match(removed.stderr, /Compiling the sources/);
		assert.doesNotMatch(removed.stdout, /probe/);
		assert.equal(fs.existsSync(path.join(dir, 'build', 'node', 'cli', 'commands', 'probe.js')), false);
		assert.ok(fs.existsSync(oldChunk), "an earlier build's chunk is kept for a server still running");
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
