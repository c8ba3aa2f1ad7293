import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { contentSecurityPolicy } from '../../src/node/bridge/StaticFiles.js';
import { appFilePath } from './appFilePath.js';

// The callback form: it is the one Electron teaches to read inside the app's asar archive.
const realpath = promisify(fs.realpath);

const types: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
};

/**
 * The radialog:// protocol handler: Electron security checklist, "18. Avoid usage of the file://
 * protocol and prefer usage of custom protocols" and "7. Define a Content Security Policy". The URL
 * is mapped by appFilePath's rules, then the file's real path (symlinks followed) must still lie in
 * the renderer folder. Every refusal is a plain 403 or 404 response, never a thrown error.
 */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
	return async (request) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
		const target = appFilePath(rendererDir, request.url);
		if ('refused' in target) return plain(403, 'Forbidden');
		try {
			const [root, file] = await Promise.all([realpath(path.resolve(rendererDir)), realpath(target.file)]);
			if (!file.startsWith(root + path.sep)) return plain(403, 'Forbidden');
			const body = await fs.promises.readFile(file);
			return new Response(request.method === 'HEAD' ? null : body, {
				headers: {
					'content-type': types[path.extname(file)] ?? 'application/octet-stream',
					'content-security-policy': contentSecurityPolicy(null),
					'x-content-type-options': 'nosniff',
				},
			});
		} catch {
			return plain(404, 'Not found');
		}
	};
}

function plain(status: number, text: string): Response {
	return new Response(text, { status, headers: { 'content-type': 'text/plain' } });
}
