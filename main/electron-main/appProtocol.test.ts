import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { appProtocolHandler } from './appProtocol.js';

// A renderer folder beside a secret the page must never read, reached by symlinks as well as by URLs.
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-protocol-'));
const renderer = path.join(base, 'renderer');
fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
fs.writeFileSync(path.join(renderer, 'index.html'), '<div id="root"></div>');
fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(base, 'secret.txt'), 'patient list');
fs.symlinkSync(path.join(base, 'secret.txt'), path.join(renderer, 'link-out.txt'));
fs.symlinkSync(base, path.join(renderer, 'dir-out'));
fs.symlinkSync(path.join(renderer, 'assets', 'app.js'), path.join(renderer, 'link-in.js'));
after(() => fs.rmSync(base, { recursive: true, force: true }));

const handle = appProtocolHandler(renderer);
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

test('the app protocol serves the renderer with its content type and CSP', async () => {
	const page = await get('radialog://app/');
	assert.equal(page.status, 200);
	assert.equal(page.headers.get('content-type'), 'text/html');
	assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
	assert.equal(await page.text(), '<div id="root"></div>');
	const script = await get('radialog://app/assets/app.js');
	assert.equal(script.headers.get('content-type'), 'text/javascript');
	assert.equal(await script.text(), 'console.log(1)');
	const head = await get('radialog://app/index.html', 'HEAD');
	assert.equal(head.status, 200);
	assert.equal(await head.text(), '');
});

test('a symlink that stays inside the renderer folder is followed', async () => {
	const r = await get('radialog://app/link-in.js');
	assert.equal(r.status, 200);
	assert.equal(await r.text(), 'console.log(1)');
});

test('symlinks out of the renderer folder are refused', async () => {
	for (const url of ['radialog://app/link-out.txt', 'radialog://app/dir-out/secret.txt']) {
		const r = await get(url);
		assert.equal(r.status, 403, url);
		assert.doesNotMatch(await r.text(), /patient list/);
	}
});

test('traversal, NUL, bad encoding and other origins get a refusal, never the secret', async () => {
	const hostile = [
		'radialog://app/../secret.txt',
		'radialog://app/%2e%2e/secret.txt',
		'radialog://app/..%2fsecret.txt',
		'radialog://app/..%5csecret.txt',
		'radialog://app/index.html%00.js',
		'radialog://app/%E0%A4%A',
		'radialog://app//secret.txt',
		'radialog://evil/index.html',
		`radialog://app/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
	];
	for (const url of hostile) {
		const r = await get(url);
		assert.ok(r.status === 403 || r.status === 404, `${url}: ${r.status}`);
		assert.doesNotMatch(await r.text(), /patient list/, url);
	}
	assert.equal((await get('radialog://app/%E0%A4%A')).status, 403);
	assert.equal((await get('radialog://app/missing.js')).status, 404);
});

test('the app protocol answers only GET and HEAD', async () => {
	assert.equal((await get('radialog://app/index.html', 'POST')).status, 405);
	assert.equal((await get('radialog://app/index.html', 'PUT')).status, 405);
});
