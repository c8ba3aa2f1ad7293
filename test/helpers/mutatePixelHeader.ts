import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const script = path.resolve('test/helpers/mutatePixelHeader.py');

/**
 * Writes one damaged copy of `input` per mutation (see mutatePixelHeader.py) into `dir` and returns
 * their paths, in the order of `mutations`.
 */
export function mutatePixelHeader(input: string, dir: string, mutations: readonly string[]): string[] {
	fs.mkdirSync(dir, { recursive: true });
	const base = path.basename(input, '.dcm');
	const outs = mutations.map((m) => path.join(dir, `${base}.${m.replace(/[^\w.-]+/g, '_')}.dcm`));
	execFileSync('/usr/bin/python3', [script, input, ...outs.flatMap((o, i) => [o, mutations[i]!])], {
		stdio: 'pipe',
	});
	return outs;
}
