import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { InstanceRecord } from '../store/SqliteStudyStore.js';
import type { AdmittedImage } from '../studies/index.js';
import { ReceivedSpool } from './ReceivedSpool.js';

/** A spooled file with these bytes, admitted as it would be. */
function admitted(spool: ReceivedSpool, text: string): AdmittedImage {
	const file = spool.open(Buffer.from('head:'));
	file.add(Buffer.from(text));
	const record = {} as InstanceRecord;
	return { file: spool.keep(file), record, pixels: null, origin: { actor: 'test', file: text } };
}

/** The spool closed as the receiver stops it, and the files it was opening ahead gone. */
async function closed(spool: ReceivedSpool): Promise<void> {
	spool.close();
	for (let i = 0; i < 100 && fs.readdirSync(spool.folder).some((n) => n.endsWith('.part')); i++)
		await new Promise((r) => setTimeout(r, 10));
}

const whole = (folder: string) => fs.readdirSync(folder).filter((n) => n.endsWith('.dcm'));

test('a spool file is a .part while it arrives and a whole .dcm once kept; nothing else stays', async () => {
	const folder = path.join(tempDir('radialog-spool-'), 'incoming');
	const spool = new ReceivedSpool(folder, () => Promise.resolve());
	const arriving = spool.open(Buffer.from('head:'));
	arriving.add(Buffer.from('one,'));
	// This file and the ones opened ahead for the next arrivals: none whole yet.
	assert.deepEqual([...new Set(fs.readdirSync(folder).map((n) => path.extname(n)))], ['.part']);
	arriving.add(Buffer.from('two'));
	assert.equal(arriving.bytes().toString(), 'head:one,two');
	const kept = spool.keep(arriving);
	assert.equal(fs.readFileSync(kept, 'utf8'), 'head:one,two');
	assert.match(kept, /\.dcm$/);
	const dropped = spool.open(Buffer.from('head:'));
	dropped.abandon();
	await closed(spool);
	assert.deepEqual(fs.readdirSync(folder), [path.basename(kept)]);
});

test('flush stores what waits, in arrival order, and deletes the files; a failed store keeps them', async () => {
	const folder = path.join(tempDir('radialog-spool-'), 'incoming');
	const stored: string[] = [];
	let fail = false;
	const spool = new ReceivedSpool(folder, (batch) => {
		if (fail) return Promise.reject(new Error('disk full'));
		stored.push(...batch.map((a) => fs.readFileSync(a.file, 'utf8')));
		return Promise.resolve();
	});
	for (const t of ['a', 'b', 'c']) spool.add(admitted(spool, t));
	await spool.flush();
	assert.deepEqual(stored, ['head:a', 'head:b', 'head:c']);
	assert.deepEqual(whole(folder), []);

	fail = true;
	const later = 'defghijklmno'.split('');
	for (const t of later) spool.add(admitted(spool, t));
	await spool.flush();
	assert.equal(whole(folder).length, later.length, 'kept for the next start');
	await closed(spool);
	// The next start: an unanswered .part is deleted, the whole files come back in the order answered.
	fs.writeFileSync(path.join(folder, '999-1-1.part'), 'half');
	const leftovers = new ReceivedSpool(folder, () => Promise.resolve()).leftovers();
	assert.deepEqual(
		leftovers.map((f) => fs.readFileSync(f, 'utf8')),
		later.map((t) => `head:${t}`),
	);
	assert.equal(fs.readdirSync(folder).length, later.length);
});

test('images are stored once the line is quiet, not while they keep arriving', async () => {
	const folder = path.join(tempDir('radialog-spool-'), 'incoming');
	const batches: number[] = [];
	const spool = new ReceivedSpool(folder, (batch) => Promise.resolve(void batches.push(batch.length)), 400, 60_000);
	for (let i = 0; i < 5; i++) {
		spool.add(admitted(spool, String(i)));
		await new Promise((r) => setTimeout(r, 10));
	}
	assert.deepEqual(batches, [], 'nothing stored while images arrive');
	await new Promise((r) => setTimeout(r, 1200));
	assert.deepEqual(batches, [5], 'one batch once quiet');
});
