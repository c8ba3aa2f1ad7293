import type { ModelEvent } from '../../../common/radialog/ModelEvent.js';
import type { StreamHandlers } from '../../../common/radialog/ReportAssistant.js';
import type { EngineOptions } from '../RadialogEngine.js';
import { ModelProcessCrashed } from '../modelErrors.js';
import type { ModelProcessHandle } from './ModelProcessLauncher.js';
import type { ModelOperationInput, ModelOperationName, ModelOperationOutput } from './modelOperations.js';
import { modelOperations } from './modelOperations.js';
import { callIdOf, checked, readFromModelProcess, type FromModelProcess, type ToModelProcess } from './protocol.js';
import { revivedError } from './revivedError.js';

interface Pending {
	readonly operation: ModelOperationName;
	resolve(v: unknown): void;
	reject(e: Error): void;
	readonly handlers: StreamHandlers;
}

export interface RunningModelProcessHooks {
	onEvent(e: ModelEvent): void;
	/** Once, however it ended: the process exited, could not be reached, failed to open, or was stopped. */
	onEnd(process: RunningModelProcess, error: Error): void;
}

/**
 * One model process and the calls sent to it. However it ends (killed, crashed, a broken channel, a
 * failed open, stopped), it ends once: exactly its own open calls fail, with a named error.
 */
export class RunningModelProcess {
	private readonly pending = new Map<number, Pending>();
	private endedWith: Error | null = null;
	private stopReason: Error | null = null;
	private isOpen = false;
	private settleOpen!: { resolve(notice: string | null): void; reject(e: Error): void };
	private markExited!: () => void;
	/** The loaded model set's notice, once the models are open. */
	readonly opened: Promise<string | null>;
	private readonly exited: Promise<void>;

	constructor(
		private readonly handle: ModelProcessHandle,
		private readonly hooks: RunningModelProcessHooks,
	) {
		this.opened = new Promise((resolve, reject) => (this.settleOpen = { resolve, reject }));
		// Callers see a failed open through start(); a process stopped while loading has no caller.
		this.opened.catch(() => undefined);
		this.exited = new Promise((resolve) => (this.markExited = resolve));
		handle.onMessage((raw) => this.receive(raw));
		handle.onExit((code, signal) => {
			this.markExited();
			this.end(new ModelProcessCrashed(signal ? `was stopped by ${signal}` : `exited with code ${code}`));
		});
		handle.onError((err) => this.end(new ModelProcessCrashed(`could not be reached (${err.message})`)));
	}

	get pid(): number | null {
		return this.endedWith ? null : (this.handle.pid ?? null);
	}

	get ended(): boolean {
		return this.endedWith !== null;
	}

	open(options: Omit<EngineOptions, 'onEvent'>): void {
		this.send({ type: 'open', options });
	}

	call<K extends ModelOperationName>(
		id: number,
		operation: K,
		input: ModelOperationInput<K>,
		handlers: StreamHandlers,
	): Promise<ModelOperationOutput<K>> {
		return new Promise((resolve, reject) => {
			if (this.endedWith) return reject(this.endedWith);
			this.pending.set(id, { operation, resolve, reject, handlers });
			handlers.signal?.addEventListener('abort', () => {
				if (this.pending.has(id)) this.send({ type: 'cancel', id });
			});
			this.send({ type: 'call', id, operation, input });
		});
	}

	/**
	 * Asks the process to finish its calls and leave, forced after `graceMs`; a process still loading is
	 * stopped at once. Calls still open then fail with `reason`.
	 */
	async stop(reason: Error, graceMs: number): Promise<void> {
		this.stopReason ??= reason;
		if (this.endedWith) return;
		const polite = this.isOpen && this.send({ type: 'close' });
		if (!polite) this.handle.kill('stop');
		let timer: NodeJS.Timeout | undefined;
		const forced = new Promise<void>((resolve) => {
			timer = setTimeout(() => {
				this.handle.kill('force');
				resolve();
			}, graceMs);
		});
		await Promise.race([this.exited, forced]);
		clearTimeout(timer);
		this.end(reason);
	}

	/** Sends unless the process has ended; a process that cannot be reached ends here. */
	private send(m: ToModelProcess): boolean {
		if (this.endedWith) return false;
		try {
			this.handle.send(m);
			return true;
		} catch (err) {
			this.end(new ModelProcessCrashed(`could not be reached (${(err as Error).message})`));
			return false;
		}
	}

	private end(error: Error): void {
		if (this.endedWith) return;
		const reason = this.stopReason ?? error;
		this.endedWith = reason;
		if (!this.isOpen) this.settleOpen.reject(reason);
		for (const [id, p] of this.pending) {
			this.pending.delete(id);
			p.reject(reason);
		}
		// A process that lost its channel, or failed to open, must not live on unseen.
		this.handle.kill('force');
		this.hooks.onEnd(this, reason);
	}

	private receive(raw: unknown): void {
		if (this.endedWith) return;
		let m: FromModelProcess;
		try {
			m = readFromModelProcess(raw);
		} catch (err) {
			this.refuse(raw, err instanceof Error ? err : new Error(String(err)));
			return;
		}
		if (m.type === 'opened') {
			this.isOpen = true;
			this.settleOpen.resolve(m.notice);
		} else if (m.type === 'openFailed') this.end(revivedError(m.error));
		else if (m.type === 'event') this.hooks.onEvent(m.event);
		else if (m.type === 'token') this.stream(m.id, m.text, m.tokensPerSecond);
		else this.settle(m);
	}

	/** A listener that throws fails its own call; left alone, it would throw out of the channel's event. */
	private stream(id: number, text: string, tokensPerSecond: number | null): void {
		const p = this.pending.get(id);
		try {
			p?.handlers.onToken?.(text, tokensPerSecond);
		} catch (err) {
			this.pending.delete(id);
			p?.reject(err instanceof Error ? err : new Error(String(err)));
		}
	}

	/** A message that does not fit: only the call it names fails; before the open, the process ends. */
	private refuse(raw: unknown, error: Error): void {
		const id = callIdOf(raw);
		const p = id === null ? undefined : this.pending.get(id);
		if (p && id !== null) {
			this.pending.delete(id);
			p.reject(error);
		} else if (!this.isOpen) this.end(error);
		else process.emitWarning(error);
	}

	/** A call's answer: its result as the operation's output schema has it, or its error. */
	private settle(m: Extract<FromModelProcess, { type: 'result' | 'failed' }>): void {
		const p = this.pending.get(m.id);
		if (!p) return;
		this.pending.delete(m.id);
		if (m.type === 'failed') return p.reject(revivedError(m.error));
		try {
			p.resolve(checked<unknown>(modelOperations[p.operation].output, m.value, `${p.operation} result`));
		} catch (err) {
			p.reject(err as Error);
		}
	}
}
