/**
 * Start to printed address: `npm start`'s launcher in browser mode (bin/start.mjs --browser --no-open, on a
 * data folder already set up, the receiver on) against a bare Node HTTP server that prints its address.
 * Rounds alternate which starts first; medians are compared (goal ≤ 2×). Numbers are printed, never asserted.
 *
 *   node --import tsx bench/startup.ts [--rounds 7] [--quick]
 *
 * --quick runs one round (CI checks the lines, not the timings).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../test/helpers/freePort.js';

const { values } = parseArgs({ options: { rounds: { type: 'string' }, quick: { type: 'boolean' } } });
const rounds = values.quick ? 1 : Number(values.rounds ?? 7);
const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'radialog-startup-'));
const dataDir = path.join(work, 'data');
const bare = path.join(work, 'bare.mjs');
fs.writeFileSync(
	bare,
	"import http from 'node:http';\n" +
		'const server = http.createServer((req, res) => res.end());\n' +
		"server.listen(0, '127.0.0.1', () => console.log(`ready at http://127.0.0.1:${server.address().port}/`));\n",
);

/** Milliseconds from spawn to the line with the address; the process is then stopped. */
async function timeToAddress(args: string[]): Promise<number> {
	const env = { ...process.env, RADIALOG_RECEIVER_PORT: String(await freePort()) };
	const t0 = performance.now();
	const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	child.stderr.on('data', (d: Buffer) => (err += d.toString()));
	const exited = new Promise((r) => child.once('exit', r));
	const elapsed = await new Promise<number>((resolve, reject) => {
		child.stdout.on('data', (d: Buffer) => {
			out += d.toString();
			if (/ready at http/.test(out)) resolve(performance.now() - t0);
		});
		child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${out}${err}`)));
	});
	child.kill('SIGTERM');
	await exited;
	return elapsed;
}

const workstation = () =>
	timeToAddress([
		path.join(root, 'bin', 'start.mjs'),
		'--browser',
		'--no-open',
		'--data-dir',
		dataDir,
		'--port',
		'0',
	]);
const baseline = () => timeToAddress([bare]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms`;

try {
	// Sets up the data folder (database, migrations) and compiles the sources if they changed: not timed.
	const first = await workstation();
	console.log(`first start (data folder set up, sources compiled if changed): ${Math.round(first)} ms`);
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let r = 0; r < rounds; r++) {
		// Alternate which goes first, so neither always runs on a cache warmed by the other.
		if (r % 2 === 0) {
			ours.push(await workstation());
			theirs.push(await baseline());
		} else {
			theirs.push(await baseline());
			ours.push(await workstation());
		}
	}
	const ratio = median(ours) / median(theirs);
	console.log(`workstation (npm start, browser mode): median ${Math.round(median(ours))} ms (${spread(ours)})`);
	console.log(`bare Node HTTP server: median ${Math.round(median(theirs))} ms (${spread(theirs)})`);
	console.log(
		`start to address: ${ratio.toFixed(2)}× a bare Node server over ${rounds} round(s) (goal ≤ 2×: ` +
			`${ratio <= 2 ? 'met' : 'not met'})`,
	);
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
