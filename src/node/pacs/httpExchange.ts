import http from 'node:http';
import https from 'node:https';
import { PacsUnreachableError } from './PacsErrors.js';

export interface HttpAnswer {
	readonly status: number;
	readonly contentType: string;
	readonly body: Buffer;
}

export interface HttpAsk {
	readonly url: URL;
	readonly method: 'GET' | 'POST';
	readonly headers: Record<string, string>;
	readonly body?: Buffer;
	/** PEM of extra certificate authorities (a hospital's own). */
	readonly ca?: string;
	readonly timeoutMs: number;
}

/**
 * One HTTP request with the whole answer in memory. node:http rather than fetch because a hospital's own
 * certificate authority must be trusted for this connection only, which fetch cannot do without a dispatcher.
 */
export function httpExchange(ask: HttpAsk): Promise<HttpAnswer> {
	const where = ask.url.origin;
	return new Promise((resolve, reject) => {
		const transport = ask.url.protocol === 'https:' ? https : http;
		const request = transport.request(
			ask.url,
			{ method: ask.method, headers: ask.headers, ...(ask.ca ? { ca: ask.ca } : {}), timeout: ask.timeoutMs },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', (error) => reject(new PacsUnreachableError(where, error.message)));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						contentType: response.headers['content-type'] ?? '',
						body: Buffer.concat(chunks),
					}),
				);
			},
		);
		request.on('timeout', () => request.destroy(new Error(`no answer in ${ask.timeoutMs / 1000} s`)));
		request.on('error', (error: NodeJS.ErrnoException) =>
			reject(new PacsUnreachableError(where, error.code ?? error.message)),
		);
		request.end(ask.body);
	});
}
