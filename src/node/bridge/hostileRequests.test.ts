// Requests any web page (or a hostile local process) can send to the loopback bridge. Each one must end
// in a response and none may stop the server: an unhandled rejection would end the whole workstation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Prng } from '../../common/phantoms/Prng.js';
import { Workstation } from '../workstation/Workstation.js';
import { ApiDispatcher } from './ApiDispatcher.js';
import { BrowserBridge } from './BrowserBridge.js';

let dir: string;
let workstation: Workstation;
let bridge: BrowserBridge;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

before(async () => {
	process.on('unhandledRejection', onUnhandled);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-hostile-'));
	fs.mkdirSync(path.join(dir, 'renderer'));
	fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
	// As in the built UI: a folder of scripts, which a path may name without naming a file in it.
	fs.mkdirSync(path.join(dir, 'renderer', 'assets'));
	process.env.RADIALOG_RECEIVER_PORT = 'off';
	workstation = new Workstation({ dataDir: path.join(dir, 'data'), shell: 'browser' });
	bridge = new BrowserBridge(new ApiDispatcher(workstation.handlers), workstation.events, {
		rendererDir: path.join(dir, 'renderer'),
	});
	await bridge.listen();
});
after(async () => {
	process.off('unhandledRejection', onUnhandled);
	await bridge.close();
	await workstation.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

interface RawRequest {
	readonly method: string;
	readonly path: string;
	readonly headers?: Record<string, string>;
	readonly body?: Buffer;
}

/** Sends the path byte for byte (fetch would normalise it) and resolves with the status code. */
function send(r: RawRequest): Promise<number> {
	const port = Number(new URL(bridge.origin).port);
	return new Promise((resolve, reject) => {
		const req = http.request({
			host: '127.0.0.1',
			port,
			method: r.method,
			path: r.path,
			headers: r.headers,
			agent: false,
		});
		req.on('response', (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', (e) =>
			reject(new Error(`${e.message}: ${r.method} ${r.path} ${JSON.stringify(r.headers)} ${r.body?.length}`)),
		);
		req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${r.method} ${r.path}`)));
		req.end(r.body);
	});
}

const host = () => ({ host: new URL(bridge.origin).host });

async function stillServing(): Promise<void> {
	const status = await send({
		method: 'POST',
		path: '/api/worklist.list',
		headers: { ...host(), 'content-type': 'application/json', 'x-radialog-token': bridge.token },
		body: Buffer.from('{}'),
	});
	assert.equal(status, 200);
}

test('malformed percent-encoding and NUL bytes in a path are 400, not a crash', async () => {
	const paths = ['/%E0%A4%A', '/index.html%00.js', '/%00', '/%', '/assets/%C0%AF', '/%ZZ'];
	for (const p of paths) assert.equal(await send({ method: 'GET', path: p, headers: host() }), 400, p);
	const api = { ...host(), 'x-radialog-token': bridge.token, 'content-type': 'application/json' };
	assert.equal(await send({ method: 'POST', path: '/api/%E0%A4%A', headers: api, body: Buffer.from('{}') }), 400);
	assert.equal(await send({ method: 'GET', path: '/..%2f..%2fetc%2fpasswd', headers: host() }), 403);
	await stillServing();
	assert.deepEqual(unhandled, []);
});

test('a path naming a folder, or a file as a folder, is 404, not a server error', async () => {
	for (const p of ['/assets/', '/assets', '///assets/', '/index.html/x', `/${'a'.repeat(5000)}`])
		for (const method of ['GET', 'HEAD']) assert.equal(await send({ method, path: p, headers: host() }), 404, p);
	await stillServing();
	assert.deepEqual(unhandled, []);
});

test('1,000 random requests, with and without the token: each is answered and the server keeps serving', async () => {
	const rng = new Prng(20261130);
	const methods = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'];
	const prefixes = ['/', '/api/', '/api/worklist.', '/assets/', '/events', '/index.html'];
	const codes: number[] = [];
	for (let i = 0; i < 1000; i++) {
		const bytes = Array.from({ length: rng.int(0, 12) }, () => rng.int(0, 255));
		const tail = bytes
			.map((b) =>
				rng.next() < 0.5 ? `%${b.toString(16).padStart(2, '0')}` : rng.pick(['%', 'a', '.', '/', '%E0']),
			)
			.join('');
		const headers: Record<string, string> = { ...host() };
		if (rng.next() < 0.5) headers['x-radialog-token'] = bridge.token;
		if (rng.next() < 0.5) headers['content-type'] = rng.pick(['application/json', 'application/octet-stream']);
		if (rng.next() < 0.2) headers['x-radialog-meta'] = rng.pick(['%E0%A4%A', '%7B', 'not json']);
		if (rng.next() < 0.1) headers.origin = 'http://evil.example';
		const body = Buffer.from(Array.from({ length: rng.int(0, 64) }, () => rng.int(0, 255)));
		const method = rng.pick(methods);
		codes.push(
			await send({ method, path: rng.pick(prefixes) + tail, headers, body: method === 'GET' ? undefined : body }),
		);
	}
	assert.ok(codes.every((c) => c >= 200 && c < 600));
	// Garbage is the client's fault: at most a handful of 500s would mean unhandled paths remain.
	assert.equal(codes.filter((c) => c >= 500 && c !== 503).length, 0, `codes: ${[...new Set(codes)].join(',')}`);
	await stillServing();
	assert.deepEqual(unhandled, []);
});

test('closing the bridge does not wait for a request still in flight', async () => {
	const port = Number(new URL(bridge.origin).port);
	// A request whose body never ends keeps its connection busy, as a streaming draft does.
	const pending = http.request({
		host: '127.0.0.1',
		port,
		method: 'POST',
		path: '/api/worklist.list',
		agent: false,
		headers: { ...host(), 'content-type': 'application/json', 'x-radialog-token': bridge.token },
	});
	pending.on('error', () => undefined);
	pending.write('{');
	await new Promise((r) => setTimeout(r, 100));
	const started = Date.now();
	await bridge.close();
	assert.ok(Date.now() - started < 2000, `closed after ${Date.now() - started} ms`);
});
