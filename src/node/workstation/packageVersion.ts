import fs from 'node:fs';
import { projectRoot } from './projectRoot.js';
import path from 'node:path';

let cached: string | undefined;

export function packageVersion(): string {
	cached ??= (JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string })
		.version;
	return cached;
}
