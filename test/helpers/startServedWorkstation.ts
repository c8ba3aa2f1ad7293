import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface ServedWorkstation {
	readonly url: string;
	readonly origin: string;
	readonly token: string;
	readonly process: ChildProcess;
	readonly output: string[];
	stop(): Promise<void>;
}

/** Starts the workstation the way a user does (`npm start`'s launcher) and waits for its ready line. */
export async function startServedWorkstation(dataDir: string, extraArgs: string[] = []): Promise<ServedWorkstation> {
	const child = spawn(
		process.execPath,
		[path.resolve('bin/start.mjs'), '--no-open', '--data-dir', dataDir, ...extraArgs],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env },
		},
	);
	const output: string[] = [];
	const rl = readline.createInterface({ input: child.stdout });
	child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`workstation did not start:\n${output.join('')}`)), 120_000);
		rl.on('line', (line) => {
			output.push(line);
			const m = /Workstation ready at (\S+)/.exec(line);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]!);
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`workstation exited with ${code}:\n${output.join('\n')}`));
		});
	});
	const parsed = new URL(url);
	return {
		url,
		origin: parsed.origin,
		token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
		process: child,
		output,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
