import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { ApiEvent } from '../../common/api/events.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { dcmtk, makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { Workstation } from '../workstation/Workstation.js';
import { freePort } from '../../../test/helpers/freePort.js';

const run = promisify(execFile);

test(
	'dcmtk echoscu and storescu talk to the receiver; ' +
		'uncompressed, JPEG lossless and JPEG baseline arrive and are imported',
	async () => {
		const port = await freePort();
		process.env.RADIALOG_RECEIVER_PORT = String(port);
		const w = new Workstation({ dataDir: tempDir('radialog-recv-'), shell: 'browser' });
		try {
			w.settings.update({ receiver: { enabled: true, port: 11112, aeTitle: 'RADIALOG' } });
			const changed: number[] = [];
			w.events.subscribe((e) => {
				if (e.type === 'worklist.changed') changed.push(...e.studyIds);
			});
			await w.startBackground();
			assert.ok(w.receiver.receiver.listening, w.receiver.lastError ?? '');
			await run('echoscu', ['-aec', 'RADIALOG', '127.0.0.1', String(port)]);
			await assert.rejects(
				run('echoscu', ['-aec', 'SOMEONEELSE', '127.0.0.1', String(port)]),
				'a wrong called AE title is rejected',
			);

			const dir = tempDir('radialog-recv-files-');
			const study = '1.2.826.0.1.3680043.10.1373.77.1';
			const plain = makeDicomFixture(path.join(dir, 'plain.dcm'), 'dx16', { study, view: 'PA' });
			const lossless = dcmtk(
				'dcmcjpeg',
				['+e1'],
				makeDicomFixture(path.join(dir, 'l.dcm'), 'dx16', { study, view: 'LL' }),
				path.join(dir, 'lossless.dcm'),
			);
			const baseline = dcmtk(
				'dcmcjpeg',
				['+eb'],
				makeDicomFixture(path.join(dir, 'b.dcm'), 'dx8', { study, view: 'AP' }),
				path.join(dir, 'baseline.dcm'),
			);
			// Each file is offered in its own compressed syntax (and uncompressed), so it arrives exactly as stored.
			await run('storescu', ['-aec', 'RADIALOG', '-aet', 'MODALITY', '127.0.0.1', String(port), plain]);
			await run('storescu', ['-aec', 'RADIALOG', '-aet', 'MODALITY', '-xs', '127.0.0.1', String(port), lossless]);
			await run('storescu', ['-aec', 'RADIALOG', '-aet', 'MODALITY', '-xy', '127.0.0.1', String(port), baseline]);
			await w.receiver.receiver.stored();

			const page = w.worklist.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 10 });
			assert.equal(page.total, 1);
			assert.equal(page.items[0]!.imageCount, 3);
			assert.deepEqual(
				changed.filter((v, i, a) => a.indexOf(v) === i),
				[page.items[0]!.studyId],
			);
			const detail = w.studies.get(page.items[0]!.studyId);
			const syntaxes = detail.images.map((i) => w.studyStore.instance(i.instanceId)!.transfer_syntax_uid).sort();
			assert.deepEqual(syntaxes, ['1.2.840.10008.1.2.1', '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.70']);
			for (const im of detail.images) {
				const decoded = await w.studies.decodeFrame(im.instanceId);
				assert.equal(decoded.rows, 64);
			}
			// The lossless one decodes to exactly what the sender had.
			const losslessImage = detail.images.find((i) => i.viewPosition === 'LL')!;
			const { decodeDicomFile } = await import('../dicom/decodeDicom.js');
			assert.deepEqual(
				[...(await w.studies.decodeFrame(losslessImage.instanceId)).pixels],
				[...(await decodeDicomFile(lossless)).pixels],
			);

			// A settings change applies at once: the new AE title answers, the old one no longer does.
			await w.handlers['settings.update']({ receiver: { enabled: true, port: 11112, aeTitle: 'READING1' } });
			await run('echoscu', ['-aec', 'READING1', '127.0.0.1', String(port)]);
			await assert.rejects(run('echoscu', ['-aec', 'RADIALOG', '127.0.0.1', String(port)]));
			await w.handlers['settings.update']({ receiver: { enabled: true, port: 11112, aeTitle: 'RADIALOG' } });

			// Sending again is answered with success and stores nothing new.
			await run('storescu', ['-aec', 'RADIALOG', '127.0.0.1', String(port), plain]);
			await w.receiver.receiver.stored();
			assert.equal(w.studies.get(page.items[0]!.studyId).images.length, 3);
		} finally {
			await w.close();
			delete process.env.RADIALOG_RECEIVER_PORT;
		}
	},
);

test('a port already in use is reported as an error event and the workstation carries on', async () => {
	const blocker = net.createServer();
	await new Promise<void>((r) => blocker.listen(0, r));
	const port = (blocker.address() as net.AddressInfo).port;
	process.env.RADIALOG_RECEIVER_PORT = String(port);
	const w = new Workstation({ dataDir: tempDir('radialog-clash-'), shell: 'browser' });
	try {
		const events: ApiEvent[] = [];
		w.events.subscribe((e) => events.push(e));
		await w.startBackground();
		assert.equal(w.receiver.receiver.listening, false);
		assert.match(w.receiver.lastError ?? '', new RegExp(`port ${port}`));
		assert.ok(events.some((e) => e.type === 'progress' && e.error?.includes(String(port))));
		assert.equal(
			(await w.handlers['worklist.list']({ sort: 'imported', direction: 'desc', offset: 0, limit: 10 })).total,
			0,
			'the API still answers',
		);
	} finally {
		await w.close();
		delete process.env.RADIALOG_RECEIVER_PORT;
		blocker.close();
	}
});

test('at start, images a crash left in the spool are stored; a file that is not DICOM is refused', async () => {
	const dataDir = tempDir('radialog-recv-recover-');
	const spool = path.join(dataDir, 'incoming');
	fs.mkdirSync(spool);
	const image = makeDicomFixture(path.join(tempDir('radialog-recv-recover-files-'), 'a.dcm'), 'dx16');
	fs.copyFileSync(image, path.join(spool, '000000000000001-1-1.dcm'));
	fs.writeFileSync(path.join(spool, '000000000000001-1-2.dcm'), 'not a DICOM file');
	fs.writeFileSync(path.join(spool, '000000000000001-1-3.part'), 'never answered');
	process.env.RADIALOG_RECEIVER_PORT = 'off';
	const w = new Workstation({ dataDir, shell: 'browser' });
	try {
		const errors: string[] = [];
		w.events.subscribe((e) => {
			if (e.type === 'progress' && e.task === 'receive' && e.error) errors.push(e.error);
		});
		await w.startBackground();
		assert.equal(w.worklist.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 10 }).total, 1);
		assert.equal(errors.length, 1, 'the file that is not DICOM is reported');
		assert.deepEqual(fs.readdirSync(spool), [], 'the spool is empty');
	} finally {
		await w.close();
		delete process.env.RADIALOG_RECEIVER_PORT;
	}
});
