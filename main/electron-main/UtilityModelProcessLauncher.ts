import { utilityProcess } from 'electron';
import type {
	ModelProcessHandle,
	ModelProcessLauncher,
} from '../../src/node/inference/process/ModelProcessLauncher.js';
import type { FromModelProcess } from '../../src/node/inference/process/protocol.js';

/**
 * The model process as an Electron utilityProcess. child_process.fork would need ELECTRON_RUN_AS_NODE,
 * which the runAsNode fuse (electron-builder.yml) turns off in the packaged app. Messages are structured
 * clones, as with fork's 'advanced' serialization, so typed arrays travel as is. The child finds
 * process.parentPort (see parentChannel.ts). Only type-checked and bundled here: no test runs Electron.
 */
export class UtilityModelProcessLauncher implements ModelProcessLauncher {
	launch(entryFile: string, execArgv: readonly string[]): ModelProcessHandle {
		const child = utilityProcess.fork(entryFile, [], {
			execArgv: [...execArgv],
			serviceName: 'RaDialog model process',
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		let exited = false;
		child.on('exit', () => (exited = true));
		return {
			get pid() {
				return child.pid;
			},
			send: (message) => {
				if (exited) throw new Error('it has exited');
				child.postMessage(message);
			},
			onMessage: (listener) => child.on('message', (m: FromModelProcess) => listener(m)),
			// A utility process reports only its exit code; a kill shows as a non-zero code.
			onExit: (listener) => child.on('exit', (code) => listener(code, null)),
			// A fatal V8 error; 'exit' follows.
			onError: (listener) => child.on('error', (type, location) => listener(new Error(`${type} at ${location}`))),
			// Electron's kill takes no signal (SIGTERM on POSIX), so a forced stop is the same call.
			kill: () => child.kill(),
		};
	}
}
