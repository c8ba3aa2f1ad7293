import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';
import { isBinaryPayload } from '../../common/api/binaryPayload.js';
import { ApiError } from '../../common/api/errors.js';
import type { EventBus } from '../events/EventBus.js';
import { ApiDispatcher, toApiError } from './ApiDispatcher.js';
import { StaticFiles } from './StaticFiles.js';

export interface BrowserBridgeOptions {
	/** 0 picks a free port (the default); a fixed port is for firewalled kiosks only. */
	readonly port?: number;
	/** Folder with the built renderer (index.html and assets). */
	readonly rendererDir: string;
	/** Fixed token for tests; by default a new random one per launch. */
	readonly token?: string;
}

const maxJsonBody = 16 * 1024 * 1024;
const maxBinaryBody = 2 * 1024 * 1024 * 1024;

/**
 * Browser mode's door: the same API the Electron preload exposes, over HTTP and a WebSocket bound to
 * 127.0.0.1 only. Every API call and the event socket need the per-launch token; requests naming
 * another Host (DNS rebinding) or coming from another Origin are refused before any handler runs.
 */
export class BrowserBridge {
	readonly token: string;
	private server: http.Server | undefined;
	private wss: WebSocketServer | undefined;
	private port = 0;
	private readonly staticFiles: StaticFiles;

	constructor(
		private readonly dispatcher: ApiDispatcher,
		private readonly events: EventBus,
		private readonly options: BrowserBridgeOptions,
	) {
		this.token = options.token ?? crypto.randomBytes(32).toString('base64url');
		this.staticFiles = new StaticFiles(options.rendererDir, () => this.port);
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}/#token=${this.token}`;
	}

	get origin(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async listen(): Promise<void> {
		// Every request ends in a response: nothing a client sends may reach an unhandled rejection,
		// which would stop the whole workstation (any web page can send requests to loopback).
		const server = http.createServer((req, res) => {
			this.handle(req, res).catch((err: unknown) => answerFailure(res, err));
		});
		this.server = server;
		server.on('upgrade', (req, socket, head) => {
			socket.on('error', () => socket.destroy());
			const refusal = this.refusal(req, requestUrl(req)?.searchParams.get('token'));
			if (refusal || !req.url?.startsWith('/events')) {
				socket.end(`HTTP/1.1 ${refusal?.status ?? 404} Refused\r\nConnection: close\r\n\r\n`);
				return;
			}
			this.webSockets().then(
				(wss) => wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws)),
				() => socket.destroy(),
			);
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
		});
		this.port = (server.address() as AddressInfo).port;
	}

	async close(): Promise<void> {
		for (const ws of this.wss?.clients ?? []) ws.terminate();
		this.wss?.close();
		// Connections are dropped before waiting: a request still in flight (a draft streaming for a
		// minute) would otherwise hold the shutdown until it ends.
		const closed = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
		this.server?.closeAllConnections();
		await closed;
	}

	/** The event socket's server, made at the first connection: `ws` is not needed before the page loads. */
	private async webSockets(): Promise<WebSocketServer> {
		if (!this.wss) {
			const { WebSocketServer } = await import('ws');
			this.wss ??= new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
		}
		return this.wss;
	}

	private attach(ws: WebSocket): void {
		const unsubscribe = this.events.subscribe((event) => {
			if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
		});
		ws.on('close', unsubscribe);
		ws.on('error', () => {
			unsubscribe();
			ws.terminate();
		});
	}

	/** Host and Origin checks, then the token; null when the request may proceed. */
	private refusal(
		req: http.IncomingMessage,
		token: string | null | undefined,
	): (ApiError & { status: number }) | null {
		const allowedHosts = [`127.0.0.1:${this.port}`, `localhost:${this.port}`];
		if (!allowedHosts.includes(req.headers.host ?? ''))
			return withStatus(new ApiError('forbidden', 'Unknown host.'), 403);
		const origin = req.headers.origin;
		if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
			return withStatus(new ApiError('forbidden', 'Requests from other origins are refused.'), 403);
		}
		if (!token || !sameSecret(token, this.token))
			return withStatus(new ApiError('unauthorized', 'Missing or wrong session token.'), 401);
		return null;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = requestUrl(req);
		if (!url) return sendError(res, withStatus(new ApiError('bad_request', 'Malformed request target.'), 400));
		if (!url.pathname.startsWith('/api/')) {
			const hostOk = [`127.0.0.1:${this.port}`, `localhost:${this.port}`].includes(req.headers.host ?? '');
			if (!hostOk) return sendError(res, withStatus(new ApiError('forbidden', 'Unknown host.'), 403));
			return this.staticFiles.serve(req, res, url.pathname);
		}
		const refusal = this.refusal(req, header(req, 'x-radialog-token'));
		if (refusal) return sendError(res, refusal);
		if (req.method !== 'POST')
			return sendError(res, withStatus(new ApiError('bad_request', 'API calls are POST.'), 405));
		try {
			const input = await readInput(req);
			const result = await this.dispatcher.dispatch(apiMethodOf(url.pathname), input);
			if (isBinaryPayload(result)) {
				res.writeHead(200, {
					'content-type': 'application/octet-stream',
					'x-radialog-meta': encodeURIComponent(JSON.stringify(result.meta)),
					'cache-control': 'no-store',
				});
				res.end(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
			res.end(JSON.stringify(result ?? null));
		} catch (err) {
			const apiError = toApiError(err);
			sendError(res, withStatus(apiError, statusOf(apiError.code)));
		}
	}
}

/**
 * The request target as a URL, or null. Prefixing the origin (rather than passing it as a base) keeps a
 * target such as "//x" a path instead of a host to parse.
 */
function requestUrl(req: http.IncomingMessage): URL | null {
	try {
		return new URL(`http://127.0.0.1${req.url ?? '/'}`);
	} catch {
		return null;
	}
}

/** The method name after /api/; a malformed percent-encoding is the client's error, not ours. */
function apiMethodOf(pathname: string): string {
	try {
		return decodeURIComponent(pathname.slice('/api/'.length));
	} catch {
		throw new ApiError('bad_request', 'The request path is not valid percent-encoding.');
	}
}

/** Last resort for a request whose handling failed outside the API's own error path. */
function answerFailure(res: http.ServerResponse, err: unknown): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	const apiError = err instanceof URIError ? new ApiError('bad_request', 'Malformed request.') : toApiError(err);
	sendError(res, withStatus(apiError, statusOf(apiError.code)));
}

function header(req: http.IncomingMessage, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

function sameSecret(a: string, b: string): boolean {
	const ab = Buffer.from(a);
	const bb = Buffer.from(b);
	return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** JSON bodies become the input; octet-stream bodies (dropped files) arrive as `bytes` beside their JSON meta. */
async function readInput(req: http.IncomingMessage): Promise<unknown> {
	const binary = (req.headers['content-type'] ?? '').startsWith('application/octet-stream');
	const limit = binary ? maxBinaryBody : maxJsonBody;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > limit) throw new ApiError('bad_request', 'Request body too large.');
		chunks.push(chunk as Buffer);
	}
	const body = Buffer.concat(chunks);
	try {
		if (binary) {
			const meta = JSON.parse(decodeURIComponent(header(req, 'x-radialog-meta') ?? '%7B%7D')) as Record<
				string,
				unknown
			>;
			return { ...meta, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
		}
		return body.length ? JSON.parse(body.toString('utf8')) : {};
	} catch {
		throw new ApiError('bad_request', 'The request body is not valid JSON.');
	}
}

function withStatus(e: ApiError, status: number): ApiError & { status: number } {
	return Object.assign(e, { status });
}

function statusOf(code: ApiError['code']): number {
	return {
		bad_request: 400,
		unauthorized: 401,
		forbidden: 403,
		not_found: 404,
		conflict: 409,
		unavailable: 503,
		internal: 500,
	}[code];
}

function sendError(res: http.ServerResponse, e: ApiError & { status?: number }): void {
	res.writeHead(e.status ?? statusOf(e.code), {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-store',
	});
	res.end(JSON.stringify({ error: e.toBody() }));
}
