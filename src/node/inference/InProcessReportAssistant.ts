import type { StreamHandlers } from '../../common/radialog/ReportAssistant.js';
import { ModelProcessClosed } from './modelErrors.js';
import { OperationAssistant } from './OperationAssistant.js';
import type { EngineOptions, RadialogEngine } from './RadialogEngine.js';
import { Cancelled } from './process/Cancelled.js';
import {
	modelOperations,
	type ModelOperation,
	type ModelOperationInput,
	type ModelOperationName,
	type ModelOperationOutput,
} from './process/modelOperations.js';
import { checked } from './process/protocol.js';

/**
 * RaDialog in the caller's own process, for one-shot commands (`radialog draft`): a command that exits
 * when done gains nothing from a crash-isolated model process, and pays a second Node start for one.
 * Each call's input and result pass the same schemas the model process checks. The workstation and the
 * server keep the separate process (ModelProcessClient).
 */
export class InProcessReportAssistant extends OperationAssistant {
	private opening: Promise<{ engine: RadialogEngine; ready: Promise<void> }> | null = null;
	private closed = false;

	constructor(private readonly options: EngineOptions) {
		super();
	}

	/** Loads the models, the LLM included; calls load what they need on their own. */
	async start(): Promise<void> {
		await (
			await this.open()
		).ready;
	}

	/**
	 * Resolves once the model files are verified and the image models are open, the LLM still loading
	 * (llama.cpp then tests its binary in a child process): a cold start's image work fits in that wait.
	 */
	async openImageModels(): Promise<void> {
		await this.opened();
	}

	/**
	 * The engine once its image models are open: findings and image embeddings need no more, and a draft
	 * waits for the LLM inside the engine.
	 */
	private async opened(): Promise<RadialogEngine> {
		return (await this.open()).engine;
	}

	private open(): Promise<{ engine: RadialogEngine; ready: Promise<void> }> {
		if (this.closed) return Promise.reject(new ModelProcessClosed());
		this.opening ??= (async () => {
			// Loaded on first use, so importing this file costs nothing until the models are wanted.
			const { RadialogEngine } = await import('./RadialogEngine.js');
			const opened = await RadialogEngine.openImageModelsFirst(this.options);
			// A failed load reaches whoever awaits start() or a draft; it is no unhandled rejection.
			opened.ready.catch(() => undefined);
			this.notice = opened.engine.notice;
			return opened;
		})();
		return this.opening;
	}

	protected async call<K extends ModelOperationName>(
		name: K,
		input: ModelOperationInput<K>,
		handlers: StreamHandlers = {},
	): Promise<ModelOperationOutput<K>> {
		if (handlers.signal?.aborted) throw new Cancelled('cancelled before it started');
		const op = modelOperations[name] as ModelOperation<unknown, unknown>;
		const valid = checked(op.input, input, `${name} input`);
		const engine = await this.opened();
		// The output schema also drops what stays inside (the engine's `generation`), as over the process channel.
		return checked(op.output, await op.run(engine, valid, handlers), `${name} result`) as ModelOperationOutput<K>;
	}

	/** Frees the models (after a load still under way, if any). */
	async close(): Promise<void> {
		this.closed = true;
		const opening = this.opening;
		this.opening = null;
		await opening?.then(
			({ engine }) => engine.close(),
			() => undefined,
		);
	}
}
