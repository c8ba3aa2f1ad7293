import path from 'node:path';
import { appOrigin } from './appOrigin.js';

export type AppFilePath = { file: string } | { refused: string };

/**
 * Where a radialog:// URL points inside the renderer folder, by string rules alone (the protocol
 * handler adds the symlink check, which needs the disk). Electron security checklist, "18. Avoid usage
 * of the file:// protocol and prefer usage of custom protocols": the page reaches the renderer folder
 * and nothing else. Each path segment is decoded on its own and refused when it is empty, `.` or `..`,
 * or holds a slash, backslash, colon (a Windows drive or stream) or NUL once decoded; bad
 * percent-encoding is a refusal too. Never throws.
 */
export function appFilePath(rendererDir: string, url: string): AppFilePath {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return { refused: 'not a URL' };
	}
	if (!appOrigin.owns(url) || parsed.port !== '') return { refused: 'not the app origin' };
	const raw = parsed.pathname === '' || parsed.pathname === '/' ? '/index.html' : parsed.pathname;
	if (!raw.startsWith('/')) return { refused: 'not an absolute path' };
	const segments: string[] = [];
	for (const encoded of raw.slice(1).split('/')) {
		const segment = decodeSegment(encoded);
		if (segment === null) return { refused: 'bad percent-encoding' };
		const why = segmentRefusal(segment);
		if (why) return { refused: why };
		segments.push(segment);
	}
	const root = path.resolve(rendererDir);
	const file = path.join(root, ...segments);
	const rel = path.relative(root, file);
	// Unreachable after the segment rules; kept so a later change to them cannot open the disk.
	const outside = rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
	if (outside) return { refused: 'outside the renderer folder' };
	return { file };
}

function decodeSegment(encoded: string): string | null {
	try {
		return decodeURIComponent(encoded);
	} catch {
		return null;
	}
}

function segmentRefusal(segment: string): string | null {
	if (segment === '') return 'empty path segment';
	if (segment === '.' || segment === '..') return 'dot segment';
	if (/[/\\:]/.test(segment) || segment.includes('\0')) return 'slash, backslash, colon or NUL in a segment';
	return null;
}
