import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { imageFolder } from '../../../test/helpers/imageFolder.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { OriginalsStore } from '../studies/OriginalsStore.js';
import { openDatabase } from '../store/openDatabase.js';
import { freePort } from '../../../test/helpers/freePort.js';
import { Workstation } from '../workstation/Workstation.js';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../test/helpers/killedReceiverChild.ts');
const files = 80;
const uidPrefix = '1.2.826.0.1.3680043.10.1373.99.';

/** Images whose SOP Instance UID ends in their file number, ten to a study. */
function folderOfImages(): string {
	const dir = tempDir('radialog-killed-recv-files-');
	return imageFolder(path.join(dir, 'send'), files, { perStudy: 10, size: 64, sopPrefix: uidPrefix });
}

test('a receiver killed (kill -9) while storescu sends loses no image it acknowledged', async () => {
	const folder = folderOfImages();
	/** Per round, the answered images still in the spool at the kill (stored only by the restart). */
	const spooled: number[] = [];
	for (let round = 0; round < 3; round++) {
		const dataDir = tempDir('radialog-killed-recv-');
		const port = await freePort();
		const server = spawn(process.execPath, ['--import', 'tsx', child, dataDir, String(port)], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const first = await new Promise<string>((r) => server.stdout.once('data', (d: Buffer) => r(d.toString())));
		assert.equal(first, 'listening\n');
		// A different moment each round: after 5 to 70 acknowledged images.
		const killAfter = 5 + Math.floor(Math.random() * 65);
		const acknowledged: number[] = [];
		const sender = spawn('storescu', ['-v', '-aec', 'RADIALOG', '+sd', '127.0.0.1', String(port), folder], {
			env: { ...process.env, TCP_NODELAY: '1' },
		});
		let sending = -1;
		let buffered = '';
		sender.stderr.on('data', (d: Buffer) => {
			buffered += d.toString();
			const lines = buffered.split('\n');
			buffered = lines.pop()!;
			for (const line of lines) {
				const file = /Sending file: .*\/(\d+)\.dcm/.exec(line);
				if (file) sending = Number(file[1]);
				if (/Received Store Response \(Success\)/.test(line)) acknowledged.push(sending);
				if (acknowledged.length === killAfter && server.exitCode === null) server.kill('SIGKILL');
			}
		});
		await new Promise((r) => sender.once('exit', r));
		if (server.exitCode === null && server.signalCode === null) await new Promise((r) => server.once('exit', r));
		assert.equal(server.signalCode, 'SIGKILL', 'the receiver was killed while images were arriving');
		assert.ok(
			acknowledged.length >= killAfter && acknowledged.length < files,
			`${acknowledged.length} acknowledged`,
		);

		// The restart: the receiver stores what was answered but not yet stored (its spool), as the app does
		// when it starts; then the database is sound and holds every acknowledged image, its original whole.
		const spool = path.join(dataDir, 'incoming');
		const waiting = fs.existsSync(spool) ? fs.readdirSync(spool).filter((n) => n.endsWith('.dcm')).length : 0;
		process.env.RADIALOG_RECEIVER_PORT = 'off';
		const w = new Workstation({ dataDir, shell: 'browser' });
		await (await w.loadReceiver()).start();
		await w.close();
		delete process.env.RADIALOG_RECEIVER_PORT;
		spooled.push(waiting);
		assert.deepEqual(fs.existsSync(spool) ? fs.readdirSync(spool) : [], [], 'the spool is empty after the start');
		const db = openDatabase(path.join(dataDir, 'workstation.sqlite'));
		try {
			assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
			const originals = new OriginalsStore(path.join(dataDir, 'originals'));
			const find = db.prepare('SELECT file_sha256 AS sha FROM instances WHERE sop_instance_uid = ?');
			for (const n of acknowledged) {
				const row = find.get(`${uidPrefix}${n}`) as { sha: string } | undefined;
				assert.ok(
					row,
					`acknowledged image ${n} is in the database (round ${round}, killed after ${killAfter})`,
				);
				assert.equal(OriginalsStore.sha256(originals.read(row.sha)), row.sha, `image ${n}'s original is whole`);
			}
		} finally {
			db.close();
		}
	}
	// storescu sends without a pause, so the kill finds answered images not yet in the database.
	assert.ok(
		spooled.some((n) => n > 0),
		`images waiting in the spool at each kill: ${spooled.join(', ')}`,
	);
});
