import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface SaveKillFigures {
	kills: number;
	lostAcknowledgedSaves: number;
	integrityFailures: number;
	tornTexts: number;
}

const child = path.resolve('test/helpers/killedSaveChild.ts');

/** SIGKILL while the report is being saved in a loop; every acknowledged save must survive whole. */
export async function saveKillCampaign(work: string, kills: number): Promise<SaveKillFigures> {
	const f: SaveKillFigures = { kills: 0, lostAcknowledgedSaves: 0, integrityFailures: 0, tornTexts: 0 };
	for (let round = 0; round < kills; round++) {
		const dir = fs.mkdtempSync(path.join(work, 'saves-'));
		const p = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
		let last = 0;
		let buffered = '';
		const killAt = 5 + ((round * 37) % 60);
		await new Promise<void>((resolve) => {
			p.stdout.on('data', (d: Buffer) => {
				buffered += d.toString();
				for (const m of buffered.matchAll(/committed (\d+)\n/g)) last = Number(m[1]);
				buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
				if (last >= killAt && p.exitCode === null) {
					p.kill('SIGKILL');
					resolve();
				}
			});
			p.once('exit', () => resolve());
		});
		if (p.exitCode === null && p.signalCode === null) await new Promise((r) => p.once('exit', r));
		if (p.signalCode === 'SIGKILL') f.kills++;
		const db = new Database(path.join(dir, 'workstation.sqlite'));
		if (db.pragma('integrity_check', { simple: true }) !== 'ok') f.integrityFailures++;
		const r = db.prepare(`SELECT findings_text, impression_text FROM reports WHERE kind = 'report'`).get() as
			{ findings_text: string; impression_text: string } | undefined;
		db.close();
		const n = Number(/^save (\d+) /.exec(r?.findings_text ?? '')?.[1] ?? 0);
		if (n < last) f.lostAcknowledgedSaves++;
		if (
			r &&
			(r.impression_text !== `impression ${n}` ||
				r.findings_text.length !== `save ${n} `.length + 20_000 + (n % 7) * 1000)
		)
			f.tornTexts++;
		fs.rmSync(dir, { recursive: true, force: true });
	}
	return f;
}
