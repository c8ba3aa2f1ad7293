import { fileURLToPath } from 'node:url';
import { ForkModelProcessLauncher } from '../../src/node/inference/process/ForkModelProcessLauncher.js';
import type {
	ModelProcessHandle,
	ModelProcessLauncher,
} from '../../src/node/inference/process/ModelProcessLauncher.js';

const standIn = fileURLToPath(new URL('./modelProcessStandIn.mjs', import.meta.url));

/**
 * Starts the model process stand-in (a real child process speaking the model protocol, without models)
 * through the app's own launcher, and lets a test act right after each call is handed to the channel.
 */
export class StandInModelLauncher implements ModelProcessLauncher {
	/** Runs just after a 'call' message is sent, with the process id (tests kill the process here). */
	afterCall: ((pid: number) => void) | null = null;
	launches = 0;

	launch(): ModelProcessHandle {
		this.launches++;
		const handle = new ForkModelProcessLauncher().launch(standIn, []);
		return {
			...handle,
			get pid() {
				return handle.pid;
			},
			send: (m) => {
				handle.send(m);
				if (m.type === 'call' && handle.pid !== undefined) this.afterCall?.(handle.pid);
			},
		};
	}
}
