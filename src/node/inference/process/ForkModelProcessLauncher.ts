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
		return {
			get pid() {
				return child.pid;
			},
			send: (message) => child.send(message),
			onMessage: (listener) => child.on('message', (m) => listener(m)),
			onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
			kill: (how = 'stop') => child.kill(how === 'force' ? 'SIGKILL' : 'SIGTERM'),
		};
	}
}
