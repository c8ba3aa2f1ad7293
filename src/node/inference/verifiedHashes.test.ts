import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { verifyFileHashes } from './loadModelSet.js';
import { ModelHashMismatch } from './modelErrors.js';
import { verifiedHashesFile } from './verifiedHashesFile.js';

const dir = tempDir();
const model = path.join(dir, 'model.bin');
const manifest = path.join(dir, 'manifest.json');
let sha: string;
const wholeSecond = 1_700_000_000;

before(() => {
	// Linux: the cache folder of this test only (the user's own cache folder otherwise).
	process.env.XDG_CACHE_HOME = path.join(dir, 'cache');
	// Larger than one 4 MiB read, so hashing reports a fraction below 1 before the end.
	const bytes = crypto.randomBytes(5 << 20);
	fs.writeFileSync(model, bytes);
	sha = crypto.createHash('sha256').update(bytes).digest('hex');
	// A whole second, so it can be restored exactly after an edit.
	fs.utimesSync(model, wholeSecond, wholeSecond);
});

/** The progress fractions one verification reports. */
async function verify(expected = sha): Promise<number[]> {
	const seen: number[] = [];
	await verifyFileHashes(manifest, [[model, expected]], (f) => seen.push(f));
	return seen;
}

test('a verified, unchanged file is not hashed again; the cache is in the user cache folder', async (t) => {
	if (process.platform !== 'linux') return t.skip('the cache folder is set through XDG_CACHE_HOME');
	assert.ok(
		(await verify()).some((f) => f < 1),
		'hashed the first time',
	);
	assert.deepEqual(await verify(), [1], 'taken from the cache the second time');
	assert.ok(verifiedHashesFile().startsWith(path.join(dir, 'cache')));
	assert.ok(fs.existsSync(verifiedHashesFile()));
});

test('a file changed after it was verified is hashed again and refused, its old times restored or not', async () => {
	await verify();
	const size = fs.statSync(model).size;
	const fd = fs.openSync(model, 'r+');
	fs.writeSync(fd, Buffer.from([0xff ^ fs.readFileSync(model)[1000]!]), 0, 1, 1000);
	fs.closeSync(fd);
	// Same size, same modification time as when it was verified: only the change time tells.
	fs.utimesSync(model, wholeSecond, wholeSecond);
	assert.equal(fs.statSync(model).mtimeMs, wholeSecond * 1000);
	assert.equal(fs.statSync(model).size, size);
	await assert.rejects(verify(), (err: Error) => err instanceof ModelHashMismatch && err.message.includes(model));
	await assert.rejects(verify(), ModelHashMismatch, 'refused again, never remembered as verified');
});
