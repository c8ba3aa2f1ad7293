import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { Workstation } from '../workstation/Workstation.js';
import { ApiDispatcher } from './ApiDispatcher.js';
import { BrowserBridge } from './BrowserBridge.js';

let dir: string;
let workstation: Workstation;
let bridge: BrowserBridge;

before(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-'));
	fs.mkdirSync(path.join(dir, 'renderer'));
	fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
	workstation = new Workstation({ dataDir: path.join(dir, 'data'), shell: 'browser' });
	bridge = new BrowserBridge(new ApiDispatcher(workstation.handlers), workstation.events, {
		rendererDir: path.join(dir, 'renderer'),
	});
	await bridge.listen();
});
after(async () => {
	await bridge.close();
	await workstation.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

function call(method: string, body: unknown, headers: Record<string, string> = {}) {
	return fetch(`${bridge.origin}/api/${method}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
}

test('binds to loopback with a long random token', () => {
	assert.match(bridge.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=/);
	assert.ok(bridge.token.length >= 40);
});

test('a call with the token is answered', async () => {
	const res = await call('worklist.list', {}, { 'x-radialog-token': bridge.token });
	assert.equal(res.status, 200);
	const page = (await res.json()) as { total: number; items: unknown[] };
	assert.equal(page.total, 0);
	assert.deepEqual(page.items, []);
});

test('a call without the token is refused', async () => {
	const res = await call('worklist.list', {});
	assert.equal(res.status, 401);
	assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthorized');
});

test('a call with a wrong token is refused', async () => {
	const res = await call('worklist.list', {}, { 'x-radialog-token': bridge.token.slice(0, -2) + 'xx' });
	assert.equal(res.status, 401);
});

test('a call from another origin is refused even with the token', async () => {
	const res = await call('worklist.list', {}, { 'x-radialog-token': bridge.token, origin: 'http://evil.example' });
	assert.equal(res.status, 403);
});

test('a request naming another host (DNS rebinding) is refused', async () => {
	const http = await import('node:http');
	const status = await new Promise<number>((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: new URL(bridge.origin).port,
				path: '/api/worklist.list',
				method: 'POST',
				headers: {
					host: 'attacker.example:80',
					'x-radialog-token': bridge.token,
					'content-type': 'application/json',
				},
			},
			(res) => resolve(res.statusCode ?? 0),
		);
		req.on('error', reject);
		req.end('{}');
	});
	assert.equal(status, 403);
});

test('input is validated against the contract', async () => {
	const res = await call('worklist.list', { limit: -5 }, { 'x-radialog-token': bridge.token });
	assert.equal(res.status, 400);
	assert.match(((await res.json()) as { error: { message: string } }).error.message, /limit/);
	const unknown = await call('no.such.call', {}, { 'x-radialog-token': bridge.token });
	assert.equal(unknown.status, 404);
});

test('the event socket needs the token and our origin', async () => {
	const attempt = (query: string, origin: string) =>
		new Promise<string>((resolve) => {
			const ws = new WebSocket(`ws://127.0.0.1:${new URL(bridge.origin).port}/events${query}`, { origin });
			ws.on('open', () => {
				ws.close();
				resolve('open');
			});
			ws.on('error', () => resolve('refused'));
		});
	assert.equal(await attempt('', bridge.origin), 'refused');
	assert.equal(await attempt(`?token=${bridge.token}`, 'http://evil.example'), 'refused');
	assert.equal(await attempt(`?token=${bridge.token}`, bridge.origin), 'open');
});

test('pages carry a strict Content-Security-Policy', async () => {
	const res = await fetch(`${bridge.origin}/`);
	assert.equal(res.status, 200);
	const csp = res.headers.get('content-security-policy') ?? '';
	assert.match(csp, /default-src 'self'/);
	assert.match(csp, /object-src 'none'/);
	assert.doesNotMatch(csp, / 'unsafe-eval'/);
	const traversal = await fetch(`${bridge.origin}/..%2f..%2fetc%2fpasswd`);
	assert.notEqual(traversal.status, 200);
});
