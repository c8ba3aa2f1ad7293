import { spawn } from 'node:child_process';
import readline from 'node:readline';

export interface NpmStarted {
	readonly url: string;
	/** What npm and the workstation printed, stdout lines and stderr chunks. */
	readonly output: string[];
	readonly stop: () => Promise<void>;
}

/**
 * `npm start -- --no-open --data-dir DIR`, typed as the README says, in `cwd`; resolves once the
 * workstation prints its address. Detached: npm starts a shell and node under it, and `stop` ends the
 * whole group.
 */
export async function npmStart(cwd: string, dataDir: string): Promise<NpmStarted> {
	const child = spawn('npm', ['start', '--', '--no-open', '--data-dir', dataDir], {
		cwd,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, RADIALOG_RECEIVER_PORT: 'off' },
	});
	const output: string[] = [];
	child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
	const stop = async () => {
		if (child.exitCode !== null || !child.pid) return;
		const exited = new Promise((r) => child.once('exit', r));
		process.kill(-child.pid, 'SIGTERM');
		await exited;
	};
	try {
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`npm start did not get ready:\n${output.join('')}`)),
				240_000,
			);
			readline.createInterface({ input: child.stdout }).on('line', (line) => {
				output.push(line);
				const m = /Workstation ready at (\S+)/.exec(line);
				if (m?.[1]) {
					clearTimeout(timer);
					resolve(m[1]);
				}
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`npm start exited with ${code}:\n${output.join('\n')}`));
			});
		});
		return { url, output, stop };
	} catch (e) {
		await stop();
		throw e;
	}
}
