// The folder walk against hostile and unlucky folders: link loops, pipes, system folders, DICOMDIRs that
// point off their media. Each case ends quickly and says what it skipped.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { collectDicomFiles } from './collectDicomFiles.js';

test('symbolic-link loops end: each folder is walked once', async () => {
	const root = tempDir();
	fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
	fs.writeFileSync(path.join(root, 'a', 'b', 'x.dcm'), 'x');
	fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'b', 'loop'));
	fs.symlinkSync(root, path.join(root, 'a', 'up'));
	const started = Date.now();
	const { files } = await collectDicomFiles([root]);
	assert.ok(Date.now() - started < 5000);
	assert.deepEqual(files, [path.join(root, 'a', 'b', 'x.dcm')]);
});

test('a named pipe is reported, never opened', async () => {
	const root = tempDir();
	execFileSync('mkfifo', [path.join(root, 'pipe.dcm')]);
	fs.writeFileSync(path.join(root, 'real.dcm'), 'x');
	const { files, missing } = await collectDicomFiles([root]);
	assert.deepEqual(files, [path.join(root, 'real.dcm')]);
	assert.deepEqual(
		missing.map((m) => [path.basename(m.file), m.code]),
		[['pipe.dcm', 'special_file']],
	);
	assert.match(missing[0]!.message, /named pipe/);
});

test('the filesystem root and system folders are refused, also through a link', async () => {
	const root = tempDir();
	fs.symlinkSync('/proc', path.join(root, 'kernel'));
	const given = await collectDicomFiles(['/', '/proc/self', '/sys', '/dev']);
	assert.deepEqual(given.files, []);
	assert.deepEqual(
		given.missing.map((m) => m.code),
		['refused', 'refused', 'refused', 'refused'],
	);
	const linked = await collectDicomFiles([root]);
	assert.deepEqual(linked.files, []);
	assert.equal(linked.missing[0]?.code, 'refused');
});

test('folders deeper than the limit are reported', async () => {
	const root = tempDir();
	const deep = path.join(root, ...Array.from({ length: 6 }, (_, i) => `d${i}`));
	fs.mkdirSync(deep, { recursive: true });
	fs.writeFileSync(path.join(deep, 'x.dcm'), 'x');
	fs.writeFileSync(path.join(root, 'd0', 'y.dcm'), 'y');
	const { files, missing } = await collectDicomFiles([root], { maxDepth: 3 });
	assert.deepEqual(files, [path.join(root, 'd0', 'y.dcm')]);
	assert.equal(missing[0]?.code, 'too_deep');
});

test("a DICOMDIR's references stay on its media: '..' and links out are refused", async () => {
	const root = tempDir();
	const media = path.join(root, 'media');
	makeDicomFixture(path.join(media, 'IMG', 'A1'), 'dx8');
	makeDicomFixture(path.join(media, 'IMG', 'A2'), 'dx8');
	execFileSync('dcmmkdir', ['--output-file', 'DICOMDIR', '+r', '+I', '-Pgp', 'IMG'], { cwd: media, stdio: 'pipe' });
	// Outside the media: a secret file a crafted DICOMDIR names with '..', and one reached by a link.
	makeDicomFixture(path.join(root, 'SECRET'), 'dx8');
	fs.rmSync(path.join(media, 'IMG', 'A2'));
	fs.symlinkSync(path.join(root, 'SECRET'), path.join(media, 'IMG', 'A2'));
	const script = [
		'import pydicom, sys',
		'ds = pydicom.dcmread(sys.argv[1])',
		'a1 = [r for r in ds.DirectoryRecordSequence if list(r.get("ReferencedFileID", []))[-1:] == ["A1"]]',
		"a1[0].ReferencedFileID = ['..', 'SECRET']",
		'ds.save_as(sys.argv[1])',
	].join('\n');
	execFileSync('/usr/bin/python3', ['-c', script, path.join(media, 'DICOMDIR')], { stdio: 'pipe' });
	const { files, missing } = await collectDicomFiles([path.join(media, 'DICOMDIR')]);
	assert.deepEqual(files, []);
	assert.deepEqual(
		missing.map((m) => m.code),
		['refused', 'refused'],
	);
	assert.ok(missing.every((m) => /own media/.test(m.message)));
});
