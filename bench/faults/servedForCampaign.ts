import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { freePort } from '../../test/helpers/freePort.js';

export { freePort };

/** The workstation under attack: `radialog serve` as its own process, so a crash shows as an exit. */
export interface CampaignServer {
	readonly process: ChildProcess;
	readonly dataDir: string;
	readonly receiverPort: number;
	/** POSTs one API call with the token; resolves with the status and parsed body. */
	call(method: string, body: unknown): Promise<{ status: number; body: unknown }>;
	readonly origin: string;
	readonly token: string;
	alive(): boolean;
	stop(): Promise<void>;
}

export async function startCampaignServer(dataDir: string): Promise<CampaignServer> {
	fs.mkdirSync(dataDir, { recursive: true });
	const receiverPort = await freePort();
	const child = spawn(
		process.execPath,
		[path.resolve('bin/radialog.mjs'), 'serve', '--no-open', '--data-dir', dataDir],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, RADIALOG_RECEIVER_PORT: String(receiverPort) },
		},
	);
	const output: string[] = [];
	// The receiver starts after the address is printed and says so on stderr: the campaign needs both.
	const receiverListening = new Promise<void>((resolve) =>
		child.stderr.on('data', (d: Buffer) => {
			output.push(d.toString());
			if (output.join('').includes('DICOM receiver listening')) resolve();
		}),
	);
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 120_000);
		readline.createInterface({ input: child.stdout }).on('line', (line) => {
			const m = /Workstation ready at (\S+)/.exec(line);
			if (m?.[1]) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
	});
	await receiverListening;
	const parsed = new URL(url);
	const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
	return {
		process: child,
		dataDir,
		receiverPort,
		origin: parsed.origin,
		token,
		alive: () => child.exitCode === null && child.signalCode === null,
		async call(method, body) {
			const r = await fetch(`${parsed.origin}/api/${method}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-radialog-token': token },
				body: JSON.stringify(body),
			});
			const text = await r.text();
			let parsedBody: unknown = text;
			try {
				parsedBody = JSON.parse(text);
			} catch {
				// Binary payloads (image frames) are not JSON; the status is what counts here.
			}
			return { status: r.status, body: parsedBody };
		},
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

/** Every process below `pid`, read from /proc (Linux): the model process is a grandchild of nothing else. */
export function descendants(pid: number): { pid: number; cmdline: string }[] {
	const parents = new Map<number, number[]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
		} catch {
			// The process ended while listing.
		}
	}
	const out: { pid: number; cmdline: string }[] = [];
	const walk = (p: number) => {
		for (const c of parents.get(p) ?? []) {
			let cmdline: string;
			try {
				cmdline = fs.readFileSync(`/proc/${c}/cmdline`, 'utf8').replace(/\0/g, ' ');
			} catch {
				continue;
			}
			out.push({ pid: c, cmdline });
			walk(c);
		}
	};
	walk(pid);
	return out;
}
