import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ApiDispatcher } from '../bridge/ApiDispatcher.js';
import { BrowserBridge } from '../bridge/BrowserBridge.js';
import { Workstation } from '../workstation/Workstation.js';
import { projectRoot } from '../workstation/projectRoot.js';
import { schemaUpdateNotice } from '../workstation/schemaUpdateNotice.js';

export interface BrowserModeOptions {
	readonly dataDir: string;
	readonly port?: number;
	/** Open an app window in an installed Chromium or Chrome; otherwise only print the URL. */
	readonly open: boolean;
}

export interface RunningBrowserMode {
	readonly workstation: Workstation;
	readonly bridge: BrowserBridge;
	stop(): Promise<void>;
}

const browsers = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

export async function startBrowserMode(options: BrowserModeOptions): Promise<RunningBrowserMode> {
	const workstation = new Workstation({
		dataDir: options.dataDir,
		shell: 'browser',
		onSchemaUpdate: (u) => console.log(schemaUpdateNotice(u)),
	});
	const bridge = new BrowserBridge(new ApiDispatcher(workstation.handlers), workstation.events, {
		rendererDir: path.join(projectRoot(), 'dist', 'renderer'),
		...(options.port !== undefined ? { port: options.port } : {}),
	});
	await bridge.listen();
	// One line that scripts and tests wait for; the token travels in the fragment so it is never logged by a server.
	console.log(`Workstation ready at ${bridge.url}`);
	if (options.open) openAppWindow(bridge.url);
	// The background services (the C-STORE receiver, which prints its own line when it listens, and the
	// draft queue) start after the address, so the first page never waits for their packages to load.
	await workstation.startBackground();
	return {
		workstation,
		bridge,
		async stop() {
			await bridge.close();
			await workstation.close();
		},
	};
}

function openAppWindow(url: string): void {
	const exe = browsers.map(findOnPath).find((p): p is string => p !== null);
	if (!exe) {
		console.log('No Chromium or Chrome found: open the address above in a Chromium-based browser.');
		return;
	}
	const profile = path.join(
		process.env.XDG_CACHE_HOME ?? path.join(process.env.HOME ?? '.', '.cache'),
		'radialog-browser-profile',
	);
	const child = spawn(
		exe,
		[
			`--app=${url}`,
			`--user-data-dir=${profile}`,
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
		],
		{ stdio: 'ignore', detached: true },
	);
	child.on('error', () => console.log('Could not open a browser window: open the address above yourself.'));
	child.unref();
}

function findOnPath(name: string): string | null {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const candidate = path.join(dir, name);
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return candidate;
		} catch {
			/* not here */
		}
	}
	return null;
}
