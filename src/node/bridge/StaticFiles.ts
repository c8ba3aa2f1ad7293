import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.json': 'application/json',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
};

/**
 * Serves the built renderer. The page gets the same Content-Security-Policy as in Electron (security
 * checklist: "Define a Content Security Policy"): own scripts only, no remote anything, sockets only
 * back to this bridge.
 */
export class StaticFiles {
	constructor(
		private readonly root: string,
		private readonly port: () => number,
	) {}

	serve(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405).end();
			return;
		}
		const rel = pathname === '/' ? 'index.html' : relativePath(pathname);
		if (rel === null) {
			res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request path');
			return;
		}
		const file = path.resolve(this.root, rel);
		if (!file.startsWith(path.resolve(this.root) + path.sep)) {
			res.writeHead(403).end();
			return;
		}
		fs.readFile(file, (err, data) => {
			if (err) {
				// A folder, a file used as a folder or an over-long name names no file: not found, not a fault.
				const missing = ['ENOENT', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG'].includes(err.code ?? '');
				res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain' }).end(
					err.code === 'ENOENT' && rel === 'index.html'
						? 'The UI is not built. Run `npm run build:renderer`.'
						: 'Not found',
				);
				return;
			}
			res.writeHead(200, {
				'content-type': types[path.extname(file)] ?? 'application/octet-stream',
				'content-security-policy': contentSecurityPolicy(this.port()),
				'x-content-type-options': 'nosniff',
				'referrer-policy': 'no-referrer',
				'cross-origin-opener-policy': 'same-origin',
				'cache-control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
			});
			res.end(req.method === 'HEAD' ? undefined : data);
		});
	}
}

/**
 * The file path a URL path names, or null where it cannot name a file: malformed percent-encoding
 * (decodeURIComponent throws) or a NUL byte (fs refuses it, and it truncates names elsewhere).
 */
function relativePath(pathname: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	return decoded.includes('\0') ? null : decoded.replace(/^\/+/, '');
}

export function contentSecurityPolicy(port: number | null): string {
	const socket = port === null ? '' : ` ws://127.0.0.1:${port} ws://localhost:${port}`;
	return [
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		`connect-src 'self'${socket}`,
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'none'",
	].join('; ');
}
