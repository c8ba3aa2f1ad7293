import fs from 'node:fs/promises';
import path from 'node:path';
import type { Session } from 'electron';
import { contentSecurityPolicy } from '../../src/node/bridge/StaticFiles.js';

export const appScheme = 'radialog';
export const appOrigin = `${appScheme}://app`;

const types: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
};

/** Checklist "Use a custom protocol instead of file://" and "Define a Content Security Policy". */
export function serveAppProtocol(ses: Session, rendererDir: string): void {
	const root = path.resolve(rendererDir);
	ses.protocol.handle(appScheme, async (request) => {
		const url = new URL(request.url);
		const file = path.resolve(root, decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html');
		if (url.host !== 'app' || !file.startsWith(root + path.sep)) return new Response('Forbidden', { status: 403 });
		try {
			const body = await fs.readFile(file);
			return new Response(body, {
				headers: {
					'content-type': types[path.extname(file)] ?? 'application/octet-stream',
					'content-security-policy': contentSecurityPolicy(null),
				},
			});
		} catch {
			return new Response('Not found', { status: 404 });
		}
	});
}
