import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file whole or not at all: a kill mid-export never leaves half a PDF under the final name.
 * The temporary file has a random name and is created exclusively ('wx': O_CREAT | O_EXCL), so a link
 * planted in the export folder is never followed; rename then replaces the final name itself, never
 * what a link there points to. The data is synced before the rename, so a power cut leaves the old
 * file or the new one.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array | string): void {
	const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(8).toString('hex')}.tmp`);
	const fd = fs.openSync(tmp, 'wx', 0o644);
	try {
		fs.writeFileSync(fd, bytes);
		fs.fsyncSync(fd);
	} catch (err) {
		fs.closeSync(fd);
		fs.rmSync(tmp, { force: true });
		throw err;
	}
	fs.closeSync(fd);
	try {
		fs.renameSync(tmp, file);
	} catch (err) {
		fs.rmSync(tmp, { force: true });
		throw err;
	}
}
