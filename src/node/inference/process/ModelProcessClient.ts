import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModelEvent } from '../../../common/radialog/ModelEvent.js';
import type {
	AssistantImage,
	AssistantRequest,
	ChatTurn,
	FindingPrediction,
	GeneratedText,
	ReportAssistant,
	StreamHandlers,
} from '../../../common/radialog/ReportAssistant.js';
import type { ChexpertLabel } from '../../../common/domain/chexpert.js';
import * as errors from '../modelErrors.js';
import type { EngineOptions } from '../RadialogEngine.js';
import { ForkModelProcessLauncher } from './ForkModelProcessLauncher.js';
import type { ModelProcessHandle, ModelProcessLauncher } from './ModelProcessLauncher.js';
import type { ModelOperationInput, ModelOperationName, ModelOperationOutput } from './modelOperations.js';
import { modelOperations } from './modelOperations.js';
import { ModelProtocolError } from './ModelProtocolError.js';
import {
	callIdOf,
	checked,
	readFromModelProcess,
	type FromModelProcess,
	type SerializedError,
	type ToModelProcess,
} from './protocol.js';

export class Cancelled extends Error {
	override readonly name = 'Cancelled';
}

const known: Record<string, { prototype: Error }> = {
	ModelProtocolError,
	InvalidManifest: errors.InvalidManifest,
	ModelFileMissing: errors.ModelFileMissing,
	ModelHashMismatch: errors.ModelHashMismatch,
	ModelShapeMismatch: errors.ModelShapeMismatch,
	ModelFileCorrupt: errors.ModelFileCorrupt,
	NotALanguageModel: errors.NotALanguageModel,
};

/** The error as thrown in the model process, same class name and message (the message already names files). */
function revive(e: SerializedError): Error {
	if (e.name === 'Cancelled') return new Cancelled(e.message);
	const Known = known[e.name];
	if (Known) {
		const err = Object.create(Known.prototype) as Error;
		Object.defineProperty(err, 'message', { value: e.message });
		Object.defineProperty(err, 'name', { value: e.name });
		return err;
	}
	const err = new Error(e.message);
	err.name = e.name;
	return err;
}

interface Pending {
	readonly operation: ModelOperationName;
	resolve(v: unknown): void;
	reject(e: Error): void;
	readonly handlers: StreamHandlers;
}

export interface ModelProcessOptions extends Omit<EngineOptions, 'onEvent'> {
	readonly onEvent?: (e: ModelEvent) => void;
	/** How the process starts; default a Node child process (the Electron app passes a utilityProcess launcher). */
	readonly launcher?: ModelProcessLauncher;
}

/** The model process's entry: the TypeScript source under tsx, the compiled file, or the Electron bundle's own. */
function entry(): { file: string; execArgv: string[] } {
	const self = fileURLToPath(import.meta.url);
	const dir = path.dirname(self);
	if (self.endsWith('.ts'))
		return {
			file: path.join(dir, 'modelProcessMain.ts'),
			execArgv: ['--import', pathToFileURL(createRequire(self).resolve('tsx')).href],
		};
	// main/build.mjs bundles the main process into one .cjs and this entry beside it as modelProcess.mjs.
	if (self.endsWith('.cjs')) return { file: path.join(dir, 'modelProcess.mjs'), execArgv: [] };
	return { file: path.join(dir, 'modelProcessMain.js'), execArgv: [] };
}

/**
 * A ReportAssistant backed by a model process, so the UI and the server never wait on inference. The
 * process starts on first use; if it dies, the calls in flight fail with ModelProcessCrashed and the
 * next call starts a fresh one.
 */
export class ModelProcessClient implements ReportAssistant {
	private child: ModelProcessHandle | null = null;
	private opening: Promise<void> | null = null;
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;
	private closed = false;
	notice: string | null = null;

	constructor(private readonly options: ModelProcessOptions) {}

	/** The model process id while one runs (tests kill it to prove recovery). */
	get pid(): number | null {
		return this.child?.pid ?? null;
	}

	/** Starts the process and loads the models; calls do this on their own when needed. */
	start(): Promise<void> {
		if (this.closed) return Promise.reject(new Error('the report assistant is closed'));
		this.opening ??= this.spawn().catch((err) => {
			this.opening = null;
			throw err;
		});
		return this.opening;
	}

	private spawn(): Promise<void> {
		const { file, execArgv } = entry();
		const { onEvent, launcher = new ForkModelProcessLauncher(), ...options } = this.options;
		const child = launcher.launch(file, execArgv);
		this.child = child;
		return new Promise<void>((resolve, reject) => {
			let opened = false;
			child.onMessage((raw) => {
				let m: FromModelProcess;
				try {
					m = readFromModelProcess(raw);
				} catch (err) {
					const error = err instanceof Error ? err : new Error(String(err));
					const id = callIdOf(raw);
					const p = id === null ? undefined : this.pending.get(id);
					if (p && id !== null) {
						// Only the call the message names fails; the process and the other calls carry on.
						this.pending.delete(id);
						p.reject(error);
					} else if (!opened) {
						reject(error);
						child.kill();
					} else process.emitWarning(error);
					return;
				}
				if (m.type === 'opened') {
					opened = true;
					this.notice = m.notice;
					resolve();
				} else if (m.type === 'openFailed') {
					reject(revive(m.error));
					child.kill();
				} else if (m.type === 'event') onEvent?.(m.event);
				else if (m.type === 'token') this.pending.get(m.id)?.handlers.onToken?.(m.text, m.tokensPerSecond);
				else this.settle(m);
			});
			child.onExit((code, signal) => {
				if (this.child !== child) return;
				this.child = null;
				this.opening = null;
				const message = `the model process stopped (${signal ?? `exit code ${code}`})`;
				reject(new errors.ModelProcessCrashed(message));
				if (this.closed) return;
				onEvent?.({ type: 'crashed', message });
				for (const [id, p] of this.pending) {
					this.pending.delete(id);
					p.reject(new errors.ModelProcessCrashed(`${message}; the next request starts it again`));
				}
			});
			this.send({ type: 'open', options });
		});
	}

	/** A call's answer: its result as the operation's output schema has it, or its error. */
	private settle(m: Extract<FromModelProcess, { type: 'result' | 'failed' }>): void {
		const p = this.pending.get(m.id);
		if (!p) return;
		this.pending.delete(m.id);
		if (m.type === 'failed') return p.reject(revive(m.error));
		try {
			p.resolve(checked<unknown>(modelOperations[p.operation].output, m.value, `${p.operation} result`));
		} catch (err) {
			p.reject(err as Error);
		}
	}

	private send(m: ToModelProcess): void {
		this.child?.send(m);
	}

	private async call<K extends ModelOperationName>(
		operation: K,
		input: ModelOperationInput<K>,
		handlers: StreamHandlers = {},
	): Promise<ModelOperationOutput<K>> {
		if (handlers.signal?.aborted) throw new Cancelled('cancelled before it started');
		await this.start();
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			const settle = resolve as (v: unknown) => void;
			this.pending.set(id, { operation, resolve: settle, reject, handlers });
			handlers.signal?.addEventListener('abort', () => this.send({ type: 'cancel', id }));
			this.send({ type: 'call', id, operation, input });
		});
	}

	predictFindings(image: AssistantImage, handlers?: StreamHandlers): Promise<FindingPrediction[]> {
		return this.call('predictFindings', image, handlers);
	}

	draftReport(
		input: { image: AssistantImage; findings: readonly ChexpertLabel[] },
		handlers?: StreamHandlers,
	): Promise<GeneratedText> {
		return this.call('draftReport', input, handlers);
	}

	followUp(
		input: {
			image: AssistantImage;
			findings: readonly ChexpertLabel[];
			report: string;
			history: readonly ChatTurn[];
			request: AssistantRequest;
		},
		handlers?: StreamHandlers,
	): Promise<GeneratedText> {
		return this.call('followUp', input, handlers);
	}

	async close(): Promise<void> {
		this.closed = true;
		const child = this.child;
		if (!child) return;
		await new Promise<void>((resolve) => {
			const timer = setTimeout(() => child.kill('force'), 5000);
			child.onExit(() => {
				clearTimeout(timer);
				resolve();
			});
			this.send({ type: 'close' });
		});
		this.child = null;
	}
}
