import { fork } from 'node:child_process';
import type { ModelProcessHandle, ModelProcessLauncher } from './ModelProcessLauncher.js';

/** The model process as a Node child process: 'advanced' serialization so typed arrays travel as structured clones. */
export class ForkModelProcessLauncher implements ModelProcessLauncher {
	launch(entryFile: string, execArgv: readonly string[]): ModelProcessHandle {
		const child = fork(entryFile, [], {
			execArgv: [...execArgv],
			serialization: 'advanced',
			stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		});
		const errorListeners: ((error: Error) => void)[] = [];
		const report = (error: Error) => errorListeners.forEach((l) => l(error));
		// A ChildProcess without an 'error' listener turns a failed spawn, kill or send into an uncaught exception.
		child.on('error', report);
		return {
			get pid() {
				return child.pid;
			},
			send: (message) => {
				if (!child.connected) throw new Error('its channel is closed');
				// With a callback, a failed write (EPIPE) comes back here instead of as an 'error' event.
				child.send(message, (error) => error && report(error));
			},
			onMessage: (listener) => child.on('message', (m) => listener(m)),
			onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
			onError: (listener) => errorListeners.push(listener),
			kill: (how = 'stop') => child.kill(how === 'force' ? 'SIGKILL' : 'SIGTERM'),
		};
	}
}
