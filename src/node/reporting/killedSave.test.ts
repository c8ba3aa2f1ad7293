import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { openDatabase } from '../store/openDatabase.js';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../test/helpers/killedSaveChild.ts');

test('a process killed mid-save loses nothing committed and leaves a sound database', async () => {
	for (let round = 0; round < 3; round++) {
		const dir = tempDir();
		const p = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
		let last = 0;
		let buffered = '';
		await new Promise<void>((resolve) => {
			p.stdout.on('data', (d: Buffer) => {
				buffered += d.toString();
				for (const m of buffered.matchAll(/committed (\d+)\n/g)) last = Number(m[1]);
				buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
				// Kill at a different moment each round, while saves are running.
				if (last >= 20 + round * 17) {
					p.kill('SIGKILL');
					resolve();
				}
			});
			p.once('exit', () => resolve());
		});
		if (p.exitCode === null && p.signalCode === null) await new Promise((r) => p.once('exit', r));
		assert.equal(p.signalCode, 'SIGKILL', 'the child was killed, not finished');
		const db = openDatabase(path.join(dir, 'workstation.sqlite'));
		assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
		const r = db.prepare(`SELECT findings_text, impression_text FROM reports WHERE kind = 'report'`).get() as {
			findings_text: string;
			impression_text: string;
		};
		const n = Number(/^save (\d+) /.exec(r.findings_text)?.[1]);
		// The kill may fall between a commit and its line on stdout, never before a reported commit.
		assert.ok(n === last || n === last + 1, `saved ${n}, last reported ${last}`);
		assert.equal(r.impression_text, `impression ${n}`, 'findings and impression come from the same save');
		assert.equal(r.findings_text.length, `save ${n} `.length + 20_000 + (n % 7) * 1000, 'the text is whole');
		const v = db.prepare(`SELECT findings_text FROM report_versions ORDER BY version_no DESC LIMIT 1`).get() as {
			findings_text: string;
		};
		assert.equal(v.findings_text, r.findings_text, 'the latest version matches the report');
		db.close();
	}
});
