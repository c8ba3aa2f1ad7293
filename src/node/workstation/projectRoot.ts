import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder with package.json: where models/ and the built renderer live, from source or from a bundle. */
export function projectRoot(): string {
	if (cached) return cached;
	let dir = path.dirname(fileURLToPath(import.meta.url));
	while (!fs.existsSync(path.join(dir, 'package.json'))) {
		const up = path.dirname(dir);
		if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
		dir = up;
	}
	cached = dir;
	return dir;
}
