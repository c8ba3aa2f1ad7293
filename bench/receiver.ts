// The C-STORE receiver against dcmtk's storescp: the same files sent by storescu (TCP_NODELAY, one
// association) to each in turn, alternated, fresh storage every round. Printed as ratios (goal ≤ 1.5×):
// the time storescu takes to send (every image answered, so on disk), and when all are in the database.
// Run: npx tsx bench/receiver.ts [--quick] [--rounds 3] [--sizes 300,3000]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Workstation } from '../src/node/workstation/Workstation.js';
import { freePort } from '../test/helpers/freePort.js';
import { imageFolder } from '../test/helpers/imageFolder.js';

const quick = process.argv.includes('--quick');
const arg = (name: string) => {
	const i = process.argv.indexOf(name);
	return i < 0 ? undefined : process.argv[i + 1];
};
const rounds = Number(arg('--rounds')) || 3;
const sizes = (arg('--sizes') ?? (quick ? '10' : '300,3000')).split(',').map(Number);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-bench-recv-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const env = { ...process.env, TCP_NODELAY: '1' };

async function waitForPort(port: number): Promise<void> {
	for (let i = 0; i < 200; i++) {
		const ok = await new Promise<boolean>((r) => {
			const c = net.connect(port, '127.0.0.1', () => {
				c.destroy();
				r(true);
			});
			c.on('error', () => r(false));
		});
		if (ok) return;
		await new Promise((r) => setTimeout(r, 25));
	}
	throw new Error(`Nothing listens on port ${port}.`);
}

/** Sends every file of the folder in one association; resolves with the wall time in ms. */
function send(folder: string, aeTitle: string, port: number): Promise<number> {
	const t0 = performance.now();
	const child = spawn('storescu', ['-aec', aeTitle, '-aet', 'BENCH', '+sd', '127.0.0.1', String(port), folder], {
		env,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let err = '';
	child.stderr.on('data', (d: Buffer) => (err += d.toString()));
	return new Promise((resolve, reject) =>
		child.on('exit', (code) =>
			code === 0 ? resolve(performance.now() - t0) : reject(new Error(`storescu failed: ${err}`)),
		),
	);
}

function makeFolder(n: number): string {
	// Ten images per study, as a modality sends a study's views and series one after another.
	return imageFolder(path.join(tmp, `files-${n}`), n, { perStudy: 10 });
}

async function storescpRound(folder: string, round: string): Promise<number> {
	const port = await freePort();
	const out = path.join(tmp, `storescp-${round}`);
	fs.mkdirSync(out);
	const scp: ChildProcess = spawn('storescp', ['-aet', 'STORESCP', '-od', out, String(port)], {
		env,
		stdio: 'ignore',
	});
	try {
		await waitForPort(port);
		return await send(folder, 'STORESCP', port);
	} finally {
		scp.kill();
		fs.rmSync(out, { recursive: true, force: true });
	}
}

/** Per round, from the start of the send until every image is in the database (printed, not the goal). */
const storedMs: number[] = [];

async function radialogRound(folder: string, round: string, n: number): Promise<number> {
	const port = await freePort();
	process.env.RADIALOG_RECEIVER_PORT = String(port);
	const dataDir = path.join(tmp, `radialog-${round}`);
	const w = new Workstation({ dataDir, shell: 'browser' });
	try {
		w.settings.update({ receiver: { enabled: true, port, aeTitle: 'RADIALOG' } });
		const receiver = await w.loadReceiver();
		await receiver.start();
		if (!receiver.receiver.listening) throw new Error(receiver.lastError ?? 'receiver did not start');
		const t0 = performance.now();
		const ms = await send(folder, 'RADIALOG', port);
		await receiver.receiver.stored();
		storedMs.push(performance.now() - t0);
		const stored = (w.db.prepare('SELECT count(*) AS n FROM instances').get() as { n: number }).n;
		if (stored !== n) throw new Error(`The receiver stored ${stored} of ${n} instances.`);
		await w.importer.pixelChecksDone();
		return ms;
	} finally {
		await w.receiver.stop();
		await w.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

try {
	for (const n of sizes) {
		const folder = makeFolder(n);
		const ours: number[] = [];
		storedMs.length = 0;
		const theirs: number[] = [];
		for (let r = 0; r < rounds; r++) {
			// Alternate who goes first, so a warm disk cache favours neither.
			if (r % 2 === 0) {
				theirs.push(await storescpRound(folder, `${n}-${r}`));
				ours.push(await radialogRound(folder, `${n}-${r}`, n));
			} else {
				ours.push(await radialogRound(folder, `${n}-${r}`, n));
				theirs.push(await storescpRound(folder, `${n}-${r}`));
			}
		}
		const ratio = median(ours) / median(theirs);
		const each = ours.map((x, i) => (x / theirs[i]!).toFixed(2)).join(' ');
		console.log(
			`receive ${n} instances (256×256 16-bit, storescu TCP_NODELAY): radialog ${median(ours).toFixed(0)} ms, ` +
				`storescp ${median(theirs).toFixed(0)} ms → ratio ${ratio.toFixed(2)}× (goal ≤ 1.5×; ` +
				`median of ${rounds} alternated rounds; rounds ${each}); all ${n} in the database after ` +
				`${median(storedMs).toFixed(0)} ms (${(median(storedMs) / median(theirs)).toFixed(2)}× storescp)`,
		);
		fs.rmSync(folder, { recursive: true, force: true });
	}
} finally {
	fs.rmSync(tmp, { recursive: true, force: true });
}
