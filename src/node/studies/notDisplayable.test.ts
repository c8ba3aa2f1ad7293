import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { daikonTestFiles, dcmtk, makeDicomFixture, pydicomTestFiles } from '../../../test/helpers/dicomFixtures.js';
import { mutatePixelHeader } from '../../../test/helpers/mutatePixelHeader.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { ApiError } from '../../common/api/errors.js';
import { Workstation } from '../workstation/Workstation.js';

const run = promisify(execFile);
const root = '1.2.826.0.1.3680043.10.1373.611';

/** Compressed samples of every codec; each damaged copy gets its own SOP Instance UID. */
const compressed = [
	path.join(pydicomTestFiles, 'SC_rgb_jpeg_dcmtk.dcm'),
	path.join(daikonTestFiles, 'jpeg_lossless_sel1.dcm'),
	path.join(pydicomTestFiles, 'MR_small_jpeg_ls_lossless.dcm'),
	path.join(pydicomTestFiles, 'MR_small_jp2klossless.dcm'),
	path.join(pydicomTestFiles, 'MR_small_RLE.dcm'),
];
const damage = ['truncate-fragment', 'garbage-fragment', 'set=Rows:32'];

test('12 compressed images that cannot be decoded are stored but not displayable, with the reason', async () => {
	const input = tempDir('radialog-undisplayable-in-');
	let n = 0;
	const uid = () => `set=SOPInstanceUID:${root}.${++n}`;
	for (const [s, file] of compressed.entries()) {
		const broken = s === 1 ? damage.slice(0, 2) : s === 4 ? damage.slice(0, 1) : damage;
		mutatePixelHeader(file, path.join(input, `s${s}`), [uid(), ...broken.map((d) => `${uid()}+${d}`)]);
	}
	const w = new Workstation({ dataDir: tempDir('radialog-undisplayable-'), shell: 'browser' });
	try {
		const report = await w.importer.importPaths([input]);
		assert.equal(report.failed, 0, JSON.stringify(report.errors));
		assert.equal(report.imported, 17, 'every file is stored, the 5 good ones and the 12 damaged ones');
		assert.equal(report.notDisplayable?.length, 12, JSON.stringify(report.notDisplayable, null, 1));
		for (const e of report.notDisplayable ?? []) {
			assert.match(path.basename(e.file), /fragment|Rows/, 'only damaged files are listed');
			assert.match(e.message, /^Stored but not displayable: \w+/);
		}
		let shown = 0;
		for (const studyId of report.studyIds) {
			for (const im of w.studies.get(studyId).images) {
				// The original stays stored whatever its pixels.
				assert.ok(fs.existsSync(w.studies.instanceFile(im.instanceId)));
				if (!im.notDisplayable) {
					await w.studies.frame(im.instanceId);
					shown++;
					continue;
				}
				await assert.rejects(w.studies.frame(im.instanceId), (err: unknown) => {
					assert.ok(err instanceof ApiError);
					assert.equal(err.message, im.notDisplayable);
					return true;
				});
			}
		}
		assert.equal(shown, 5, 'the undamaged copies still decode: no false refusals');
	} finally {
		await w.close();
	}
});

test('a received image that cannot be decoded is answered at once, then marked not displayable', async () => {
	const s = net.createServer();
	await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
	const port = (s.address() as net.AddressInfo).port;
	await new Promise((r) => s.close(r));
	process.env.RADIALOG_RECEIVER_PORT = String(port);
	const dir = tempDir('radialog-undisplayable-recv-');
	const w = new Workstation({ dataDir: tempDir('radialog-undisplayable-'), shell: 'browser' });
	try {
		w.settings.update({ receiver: { enabled: true, port, aeTitle: 'RADIALOG' } });
		await w.startBackground();
		const lossless = dcmtk(
			'dcmcjpeg',
			['+e1'],
			makeDicomFixture(path.join(dir, 'a.dcm'), 'dx16'),
			path.join(dir, 'l.dcm'),
		);
		const [cut] = mutatePixelHeader(lossless, dir, ['truncate-fragment']);
		await run('storescu', ['-aec', 'RADIALOG', '-aet', 'MODALITY', '-xs', '127.0.0.1', String(port), cut!]);
		await w.receiver.receiver.stored();
		await w.importer.pixelChecksDone();
		const page = w.worklist.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 10 });
		const [image] = w.studies.get(page.items[0]!.studyId).images;
		assert.match(image?.notDisplayable ?? '', /^Stored but not displayable: .*truncated/);
		await assert.rejects(w.studies.frame(image!.instanceId), /Stored but not displayable/);
	} finally {
		await w.close();
		delete process.env.RADIALOG_RECEIVER_PORT;
	}
});
