import http from 'node:http';
import { Prng } from '../../src/common/phantoms/Prng.js';
import type { CampaignServer } from './servedForCampaign.js';

export interface BridgeFigures {
	requests: number;
	withToken: number;
	answered: number;
	noAnswer: number;
	statuses: Record<string, number>;
	healthChecksFailed: number;
	serverExits: number;
	/** A few requests answered 5xx or not at all, to read what went wrong. */
	examples: string[];
}

const methods = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'];
const apiNames = [
	'worklist.list',
	'study.get',
	'report.open',
	'report.sign',
	'settings.update',
	'import.paths',
	'image.frame',
];
const pieces = [
	'/',
	'/api/',
	'/index.html',
	'/assets/',
	'%00',
	'%E0%A4%A',
	'%2e%2e/',
	'..',
	'%',
	'?x=%ZZ',
	'#',
	'\u00e9',
	'//',
];

function randomPath(rng: Prng): string {
	if (rng.chance(0.4)) return `/api/${apiNames[rng.int(0, apiNames.length - 1)]}`;
	let p = '';
	for (let i = rng.int(1, 6); i > 0; i--) p += pieces[rng.int(0, pieces.length - 1)];
	return p.startsWith('/') ? p : `/${p}`;
}

function randomBody(rng: Prng): Buffer {
	const kinds = [
		() => Buffer.from(JSON.stringify({ studyId: rng.int(-5, 1e6), paths: ['/'], instanceId: rng.next() })),
		() => Buffer.from('{"unterminated": '),
		() =>
			Buffer.from(
				JSON.stringify({ receiver: { port: [-1, 0, 70000, 'x'][rng.int(0, 3)] }, exportFolder: '../x' }),
			),
		() => Buffer.alloc(rng.int(0, 4096), rng.int(0, 255)),
		() => Buffer.from('[]'),
	];
	return kinds[rng.int(0, kinds.length - 1)]!();
}

/** One raw request; resolves with its status, or null when the connection ended without an answer. */
function send(server: CampaignServer, o: { method: string; path: string; body: Buffer; token: boolean }) {
	const url = new URL(server.origin);
	return new Promise<number | null>((resolve) => {
		const req = http.request(
			{
				host: url.hostname,
				port: url.port,
				method: o.method,
				path: o.path,
				headers: {
					'content-type': 'application/json',
					...(o.token ? { 'x-radialog-token': server.token } : {}),
					// A GET or HEAD carries no body, so it announces none (else the server rightly waits for it).
					'content-length': ['GET', 'HEAD'].includes(o.method) ? 0 : o.body.length,
				},
				timeout: 30_000,
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? null));
				res.on('error', () => resolve(res.statusCode ?? null));
			},
		);
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(null));
		if (!['GET', 'HEAD'].includes(o.method)) req.end(o.body);
		else req.end();
	});
}

export async function bridgeCampaign(server: CampaignServer, count: number, seed: number): Promise<BridgeFigures> {
	const rng = new Prng(seed);
	const f: BridgeFigures = {
		requests: 0,
		withToken: 0,
		answered: 0,
		noAnswer: 0,
		statuses: {},
		healthChecksFailed: 0,
		serverExits: 0,
		examples: [],
	};
	for (let i = 0; i < count; i++) {
		const token = rng.chance(0.5);
		const request = {
			method: methods[rng.int(0, methods.length - 1)]!,
			path: randomPath(rng),
			body: randomBody(rng),
		};
		const status = await send(server, { ...request, token });
		if ((status === null || status >= 500) && f.examples.length < 10)
			f.examples.push(
				`${status} ${request.method} ${request.path} ${request.body.toString('latin1').slice(0, 80)}`,
			);
		f.requests++;
		if (token) f.withToken++;
		if (status === null) f.noAnswer++;
		else {
			f.answered++;
			f.statuses[status] = (f.statuses[status] ?? 0) + 1;
		}
		if (i % 50 === 49) {
			if (!server.alive()) {
				f.serverExits++;
				break;
			}
			const health = await server.call('worklist.list', {}).catch(() => null);
			if (health?.status !== 200) f.healthChecksFailed++;
		}
	}
	return f;
}
