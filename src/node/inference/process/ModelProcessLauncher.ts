import type { ToModelProcess } from './protocol.js';

/** One running model process, whatever started it (a Node child process or an Electron utilityProcess). */
export interface ModelProcessHandle {
	/** The OS process id once known (tests kill it to prove recovery). */
	readonly pid: number | undefined;
	/**
	 * Throws where the process can no longer be reached; a send that fails later (EPIPE) reaches the
	 * onError listeners instead. Neither may surface as an unhandled 'error' event.
	 */
	send(message: ToModelProcess): void;
	/** Messages as they arrive, unchecked: the client checks them against the protocol. */
	onMessage(listener: (message: unknown) => void): void;
	/** signal is null where the host reports only an exit code (utilityProcess). */
	onExit(listener: (code: number | null, signal: string | null) => void): void;
	/** The process could not be started or reached (spawn failure, a broken channel); exit may or may not follow. */
	onError(listener: (error: Error) => void): void;
	/** 'force' where a polite stop was ignored; hosts without signals may treat both alike. */
	kill(how?: 'stop' | 'force'): void;
}

/**
 * Starts the model process. Plain Node (CLI, browser mode, tests) forks a child process; the
 * Electron app passes its own launcher, because its fork needs ELECTRON_RUN_AS_NODE, which the
 * runAsNode fuse turns off in the packaged app.
 */
export interface ModelProcessLauncher {
	launch(entryFile: string, execArgv: readonly string[]): ModelProcessHandle;
}
