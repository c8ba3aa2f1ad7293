import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import type {
	AssistantImage,
	AssistantRequest,
	ChatTurn,
	FindingPrediction,
	GeneratedText,
	ReportAssistant,
	StreamHandlers,
} from '../../common/radialog/ReportAssistant.js';
import { ModelProcessClosed } from './modelErrors.js';
import type { EngineOptions, RadialogEngine } from './RadialogEngine.js';
import { Cancelled } from './process/Cancelled.js';
import {
	modelOperations,
	type ModelOperation,
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
export class InProcessReportAssistant implements ReportAssistant {
	private engine: Promise<RadialogEngine> | null = null;
	private closed = false;
	notice: string | null = null;

	constructor(private readonly options: EngineOptions) {}

	/** Loads the models; calls do this on their own when needed. */
	async start(): Promise<void> {
		await this.opened();
	}

	private opened(): Promise<RadialogEngine> {
		if (this.closed) return Promise.reject(new ModelProcessClosed());
		this.engine ??= (async () => {
			// Loaded on first use, so importing this file costs nothing until the models are wanted.
			const { RadialogEngine } = await import('./RadialogEngine.js');
			const engine = await RadialogEngine.open(this.options);
			this.notice = engine.notice;
			return engine;
		})();
		return this.engine;
	}

	private async call<K extends ModelOperationName>(
		name: K,
		input: unknown,
		handlers: StreamHandlers = {},
	): Promise<ModelOperationOutput<K>> {
		if (handlers.signal?.aborted) throw new Cancelled('cancelled before it started');
		const op = modelOperations[name] as ModelOperation<unknown, unknown>;
		const valid = checked(op.input, input, `${name} input`);
		const engine = await this.opened();
		// The output schema also drops what stays inside (the engine's `generation`), as over the process channel.
		return checked(op.output, await op.run(engine, valid, handlers), `${name} result`) as ModelOperationOutput<K>;
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

	/** Frees the models (after a load still under way, if any). */
	async close(): Promise<void> {
		this.closed = true;
		const engine = this.engine;
		this.engine = null;
		await engine?.then(
			(e) => e.close(),
			() => undefined,
		);
	}
}
