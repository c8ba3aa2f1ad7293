import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ApiEvent } from '../../common/api/events.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { dcmtk, makeDicomFixture, pydicomTestFiles } from '../../../test/helpers/dicomFixtures.js';
import { Workstation } from '../workstation/Workstation.js';

test('a folder with good and bad files imports every good file and reports each bad one', async () => {
	const input = tempDir('radialog-import-in-');
	const study = '1.2.826.0.1.3680043.10.1373.99.1';
	makeDicomFixture(path.join(input, 'a', 'pa.dcm'), 'dx16', { study, view: 'PA', patient: 'Doe^Jane', pid: 'P1' });
	const lat = makeDicomFixture(path.join(input, 'a', 'lat.dcm'), 'dx16', {
		study,
		view: 'LL',
		patient: 'Doe^Jane',
		pid: 'P1',
	});
	// Same SOP Instance UID: a duplicate.
	dcmtk('dcmcjpeg', ['+e1'], lat, path.join(input, 'b', 'lat-jpeg-lossless.dcm'));
	makeDicomFixture(path.join(input, 'b', 'other.dcm'), 'dx8', {
		patient: 'Roe^Richard',
		pid: 'P2',
		date: '20230505',
	});
	const good = fs.readFileSync(lat);
	fs.writeFileSync(path.join(input, 'b', 'truncated.dcm'), good.subarray(0, 700));
	fs.writeFileSync(path.join(input, 'b', 'notes.txt'), 'not an image');
	fs.copyFileSync(path.join(pydicomTestFiles, 'rtplan.dcm'), path.join(input, 'b', 'rtplan.dcm'));
	const huge = path.join(input, 'b', 'huge.dcm');
	makeDicomFixture(huge, 'dx16');
	const hb = fs.readFileSync(huge);
	// Rows (0028,0010) US in explicit VR LE: tag bytes 28 00 10 00 'US' 02 00 <value>.
	const rowsAt = hb.indexOf(Buffer.from([0x28, 0x00, 0x10, 0x00, 0x55, 0x53, 0x02, 0x00]));
	hb.writeUInt16LE(60000, rowsAt + 8);
	fs.writeFileSync(huge, hb);

	const dataDir = tempDir('radialog-import-data-');
	const w = new Workstation({ dataDir, shell: 'browser' });
	try {
		const events: ApiEvent[] = [];
		w.events.subscribe((e) => events.push(e));
		const heard: number[] = [];
		w.importer.onStudyImported((id) => heard.push(id));
		const report = await w.importer.importPaths([input]);
		assert.equal(report.files, 8);
		assert.equal(report.imported, 3, JSON.stringify(report, null, 1));
		assert.equal(report.duplicates, 1);
		assert.equal(report.failed, 4);
		const byName = Object.fromEntries(report.errors.map((e) => [path.basename(e.file), e]));
		assert.equal(byName['truncated.dcm']?.code, 'truncated');
		assert.equal(byName['notes.txt']?.code, 'not_dicom');
		assert.equal(byName['rtplan.dcm']?.code, 'no_pixel_data');
		assert.equal(byName['huge.dcm']?.code, 'bad_dimensions');
		for (const e of report.errors) assert.ok(e.message.length > 10);

		assert.equal(report.studyIds.length, 2);
		assert.deepEqual([...heard].sort(), [...report.studyIds].sort());
		assert.ok(events.some((e) => e.type === 'worklist.changed' && e.studyIds.length === 2));
		assert.ok(events.some((e) => e.type === 'progress' && e.jobId === report.jobId && e.done));

		const page = w.worklist.list({ sort: 'patientName', direction: 'asc', offset: 0, limit: 10 });
		assert.equal(page.total, 2);
		const jane = page.items[0]!;
		assert.equal(jane.patientName, 'Doe, Jane');
		assert.equal(jane.imageCount, 2);
		assert.deepEqual([...jane.views].sort(), ['LL', 'PA']);
		assert.equal(jane.modality, 'DX');

		// Originals are stored byte for byte under their sha256 and never modified.
		const detail = w.studies.get(jane.studyId);
		assert.equal(detail.images.length, 2);
		const file = w.studies.instanceFile(detail.images[1]!.instanceId);
		const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
		assert.equal(file, path.join(dataDir, 'originals', sha.slice(0, 2), `${sha}.dcm`));

		const frame = await w.handlers['image.frame']({ instanceId: detail.images[0]!.instanceId, frame: 0 });
		assert.equal(frame.meta.dataType, 'uint16');
		assert.equal(frame.bytes.byteLength, 64 * 48 * 2);

		// Importing the same folder again stores nothing new.
		const again = await w.importer.importPaths([input]);
		assert.equal(again.imported, 0);
		assert.equal(again.duplicates, 4);
		assert.equal((w.db.prepare('SELECT count(*) AS n FROM instances').get() as { n: number }).n, 3);
		const recent = await w.handlers['import.recent']({ limit: 5 });
		assert.equal(recent.length, 2);
		assert.equal(recent[1]!.failed, 4);
	} finally {
		await w.close();
	}
});

test('uploaded bytes import like files, and a DICOMDIR brings in the files it references', async () => {
	const dataDir = tempDir('radialog-upload-');
	const media = tempDir('radialog-media-');
	const a = makeDicomFixture(path.join(media, 'IMAGES', 'IM000001'), 'dx16');
	const b = makeDicomFixture(path.join(media, 'IMAGES', 'IM000002'), 'dx8');
	// dcmmkdir writes a DICOMDIR for files named like ISO 9660 media (upper case, 8 characters).
	execFileSync(
		'dcmmkdir',
		['--recurse', '--input-directory', media, '--output-file', path.join(media, 'DICOMDIR'), '+I', 'IMAGES'],
		{ stdio: 'pipe' },
	);
	const w = new Workstation({ dataDir, shell: 'browser' });
	try {
		const report = await w.importer.importPaths([path.join(media, 'DICOMDIR')]);
		assert.equal(report.imported, 2, JSON.stringify(report));
		const bytes = new Uint8Array(Buffer.concat([fs.readFileSync(a), Buffer.from('junk'), fs.readFileSync(b)]));
		const upload = await w.handlers['import.upload']({
			names: ['a.dcm', 'junk.bin', 'b.dcm'],
			sizes: [fs.statSync(a).size, 4, fs.statSync(b).size],
			bytes,
		});
		assert.equal(upload.duplicates, 2);
		assert.equal(upload.errors[0]?.file, 'junk.bin');
	} finally {
		await w.close();
	}
});
