// The receiver refuses by C-STORE what a folder import refuses: another patient's image under a stored
// series, study or SOP Instance UID is answered with a failure status and its reason, and audited.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { dcmtk, makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { Workstation } from '../workstation/Workstation.js';
import { freePort } from '../../../test/helpers/freePort.js';

const run = promisify(execFile);

test('C-STORE of another patient under a stored series, study or SOP is refused with its reason', async () => {
	const port = await freePort();
	process.env.RADIALOG_RECEIVER_PORT = String(port);
	const w = new Workstation({ dataDir: tempDir('radialog-recv-identity-'), shell: 'browser' });
	const errors: string[] = [];
	w.events.subscribe((e) => {
		if (e.type === 'progress' && e.task === 'receive' && e.error) errors.push(e.error);
	});
	/** storescu's log of one send (debug level shows the response's Error Comment) and its exit status. */
	const send = async (file: string, ...args: string[]) => {
		const argv = ['-d', '-aec', 'RADIALOG', '-aet', 'CR1', ...args, '127.0.0.1', String(port), file];
		try {
			const r = await run('storescu', argv);
			return { ok: true, log: r.stdout + r.stderr };
		} catch (err) {
			const e = err as { stdout: string; stderr: string };
			return { ok: false, log: e.stdout + e.stderr };
		}
	};
	try {
		w.settings.update({ receiver: { enabled: true, port: 11112, aeTitle: 'RADIALOG' } });
		await w.startBackground();
		assert.ok(w.receiver.receiver.listening, w.receiver.lastError ?? '');
		const dir = tempDir('radialog-recv-identity-files-');
		const u = (n: string) => `1.2.826.0.1.3680043.10.1373.66.${n}`;
		const p1 = { pid: 'P1', patient: 'One^Ann', study: u('1'), series: u('2'), sop: u('3') };
		const stored = makeDicomFixture(path.join(dir, 'p1.dcm'), 'dx16', p1);
		const sameSeries = makeDicomFixture(path.join(dir, 's.dcm'), 'dx16', {
			pid: 'P2',
			study: u('4'),
			series: u('2'),
		});
		const sameStudy = makeDicomFixture(path.join(dir, 't.dcm'), 'dx16', { pid: 'P2', study: u('1') });
		const sameSop = makeDicomFixture(path.join(dir, 'o.dcm'), 'dx16', { pid: 'P2', sop: u('3') });
		const otherPixels = makeDicomFixture(path.join(dir, 'x.dcm'), 'dx8', p1);
		const lossless = dcmtk('dcmcjpeg', ['+e1'], stored, path.join(dir, 'lossless.dcm'));

		assert.equal((await send(stored)).ok, true);
		await w.receiver.receiver.stored();
		for (const file of [sameSeries, sameStudy, sameSop, otherPixels]) {
			const { ok, log } = await send(file);
			assert.equal(ok, false, log);
			// Processing Failure (0110H), with the reason's start as the Error Comment (0000,0902).
			assert.match(log, /Status\s+: 0x0110/, log);
			assert.match(log, /\(0000,0902\) LO \[(Series|Study|Image) 1\.2\.826\.0\.1\.3680043\.10\.1373\.66\./, log);
		}
		const copy = await send(lossless, '-xs');
		assert.equal(copy.ok, true, copy.log);

		await w.receiver.receiver.stored();
		assert.equal(errors.length, 4);
		assert.match(
			errors[0]!,
			new RegExp(`^Series ${u('2')} is already stored under patient P1 / study ${u('1')}; `),
		);
		assert.match(
			errors[1]!,
			new RegExp(`^Study ${u('1')} is already stored under patient P1; this file names patient P2`),
		);
		assert.match(errors[2]!, new RegExp(`^Image ${u('3')} is already stored under patient P1 / `));
		assert.match(errors[3]!, /different pixels: refused, not merged\.$/);

		const page = w.worklist.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 10 });
		assert.deepEqual(
			page.items.map((s) => [s.patientName, s.imageCount]),
			[['One, Ann', 1]],
		);
		const audit = w.db
			.prepare(`SELECT actor, study_ref FROM audit_log WHERE action = 'import.refused' ORDER BY id`)
			.all() as { actor: string; study_ref: number }[];
		assert.deepEqual(
			audit,
			Array.from({ length: 4 }, () => ({ actor: 'C-STORE from CR1', study_ref: page.items[0]!.studyId })),
		);
	} finally {
		await w.close();
		delete process.env.RADIALOG_RECEIVER_PORT;
	}
});
