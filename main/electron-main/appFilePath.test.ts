import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { appFilePath } from './appFilePath.js';

const root = path.resolve('/srv/radialog/dist/renderer');

function fileOf(url: string): string {
	const r = appFilePath(root, url);
	assert.ok('file' in r, `${url} refused: ${'refused' in r ? r.refused : ''}`);
	return r.file;
}

function refused(url: string): string {
	const r = appFilePath(root, url);
	assert.ok('refused' in r, `${url} was served from ${'file' in r ? r.file : ''}`);
	return r.refused;
}

test('appFilePath maps app URLs to files in the renderer folder', () => {
	assert.equal(fileOf('radialog://app/'), path.join(root, 'index.html'));
	assert.equal(fileOf('radialog://app'), path.join(root, 'index.html'));
	assert.equal(fileOf('radialog://app/index.html?study=1#top'), path.join(root, 'index.html'));
	assert.equal(fileOf('radialog://app/assets/index-a1b2.js'), path.join(root, 'assets', 'index-a1b2.js'));
	assert.equal(fileOf('radialog://app/assets/a%20b.css'), path.join(root, 'assets', 'a b.css'));
	// Decoded once only: %252e%252e is a file literally named %2e%2e, not a way up.
	assert.equal(fileOf('radialog://app/%252e%252e/x'), path.join(root, '%2e%2e', 'x'));
});

test('appFilePath refuses encoded slashes, backslashes, NUL, drives and empty segments', () => {
	assert.match(refused('radialog://app/..%2f..%2fetc%2fpasswd'), /slash/);
	assert.match(refused('radialog://app/%2e%2e%2f%2e%2e%2fetc/passwd'), /slash/);
	assert.match(refused('radialog://app/..%5c..%5cwindows%5cwin.ini'), /backslash/);
	assert.match(refused('radialog://app/assets\\..\\..\\secret'), /backslash/);
	assert.match(refused('radialog://app/index.html%00.png'), /NUL/);
	assert.match(refused('radialog://app/C:/Windows/win.ini'), /colon/);
	assert.match(refused('radialog://app/C%3A%5CWindows'), /colon/);
	assert.match(refused('radialog://app//etc/passwd'), /empty/);
	assert.match(refused('radialog://app/assets/'), /empty/);
});

test('appFilePath refuses bad percent-encoding cleanly', () => {
	for (const url of ['radialog://app/%', 'radialog://app/%zz', 'radialog://app/%E0%A4%A', 'radialog://app/%C0%AF'])
		assert.match(refused(url), /percent-encoding/, url);
});

test('appFilePath refuses other origins, ports and non-URLs', () => {
	assert.match(refused('radialog://evil/index.html'), /origin/);
	assert.match(refused('radialog://app:8080/index.html'), /origin/);
	assert.match(refused('radialog://user@app/index.html'), /origin/);
	assert.match(refused('file:///etc/passwd'), /origin/);
	assert.match(refused('https://app/index.html'), /origin/);
	assert.match(refused('/etc/passwd'), /not a URL/);
	assert.match(refused(''), /not a URL/);
});

test('appFilePath never leaves the renderer folder and never throws, whatever the dots', () => {
	const hostile = [
		'radialog://app/../../../etc/passwd',
		'radialog://app/%2e%2e/%2e%2e/etc/passwd',
		'radialog://app/%2E%2e/secret',
		'radialog://app/.%2e/.%2e/secret',
		'radialog://app/assets/../../../../secret',
		'radialog://app/./././index.html',
		'radialog://app/%2e/index.html',
		'radialog://app/...',
		'radialog://app/%252e%252e%252fsecret',
		'radialog://app/\u0000',
		'radialog://app/%ff%fe',
		'radialog://app/' + 'a/'.repeat(500) + 'b',
	];
	for (const url of hostile) {
		const r = appFilePath(root, url);
		if ('file' in r) {
			const rel = path.relative(root, r.file);
			assert.ok(rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel), url);
		}
	}
});
