import type { FromModelProcess } from './protocol.js';

/** The parts of `process` the model process talks through; parentPort exists only in an Electron utilityProcess. */
export interface ProcessLike {
	send?: (message: unknown) => unknown;
	on(event: 'message', listener: (message: unknown) => void): unknown;
	parentPort?: {
		postMessage(message: unknown): void;
		on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
	} | null;
}

export interface ParentChannel {
	readonly kind: 'utilityProcess' | 'childProcess';
	send(message: FromModelProcess): void;
	/** Messages as they arrive, unchecked: the model process checks them against the protocol. */
	onMessage(listener: (message: unknown) => void): void;
}

/** The model process's line to the workstation: Electron's parentPort where it exists, else Node's IPC channel. */
export function parentChannel(proc: ProcessLike = process): ParentChannel {
	const port = proc.parentPort;
	if (port) {
		return {
			kind: 'utilityProcess',
			send: (m) => port.postMessage(m),
			onMessage: (listener) => port.on('message', (e) => listener(e.data)),
		};
	}
	return {
		kind: 'childProcess',
		send: (m) => proc.send?.(m),
		onMessage: (listener) => proc.on('message', listener),
	};
}
