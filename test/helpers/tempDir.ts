import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

/** A fresh folder removed after the test file finishes. */
export function tempDir(prefix = 'radialog-test-'): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	after(() => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

export const testOutputDir = process.env.RADIALOG_TEST_OUTPUT ?? path.resolve('test-output');
