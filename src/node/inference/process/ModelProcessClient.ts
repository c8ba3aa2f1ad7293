import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModelEvent } from '../../../common/radialog/ModelEvent.js';
import type { StreamHandlers } from '../../../common/radialog/ReportAssistant.js';
import * as errors from '../modelErrors.js';
import type { EngineOptions } from '../RadialogEngine.js';
import { Cancelled } from './Cancelled.js';
import { OperationAssistant } from '../OperationAssistant.js';
import { ForkModelProcessLauncher } from './ForkModelProcessLauncher.js';
import type { ModelProcessLauncher } from './ModelProcessLauncher.js';
import type { ModelOperationInput, ModelOperationName, ModelOperationOutput } from './modelOperations.js';
import { RunningModelProcess } from './RunningModelProcess.js';
import { projectRoot } from '../../workstation/projectRoot.js';

export { Cancelled };

export interface ModelProcessOptions extends Omit<EngineOptions, 'onEvent'> {
	readonly onEvent?: (e: ModelEvent) => void;
	/** How the process starts; default a Node child process (the Electron app passes a utilityProcess launcher). */
	readonly launcher?: ModelProcessLauncher;
}

/** The model process's entry: the TypeScript source under tsx, the compiled program, or the Electron bundle's own. */
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
	// bin/compile.mjs bundles it as a program of its own at its source path, under build/.
	return {
		file: path.join(projectRoot(), 'build', 'node', 'inference', 'process', 'modelProcessMain.js'),
		execArgv: [],
	};
}

/**
 * A ReportAssistant backed by a model process, so the UI and the server never wait on inference. The
 * process starts on first use; if it dies or cannot be reached, the calls in flight fail with
 * ModelProcessCrashed and the next call starts a fresh one. Closing fails open calls with ModelProcessClosed.
 */
export class ModelProcessClient extends OperationAssistant {
	private running: RunningModelProcess | null = null;
	private nextId = 1;
	private closed = false;

	constructor(private readonly options: ModelProcessOptions) {
		super();
	}

	/** The model process id while one runs (tests kill it to prove recovery). */
	get pid(): number | null {
		return this.running?.pid ?? null;
	}

	/** Starts the process and loads the models; calls do this on their own when needed. */
	async start(): Promise<void> {
		await this.process();
	}

	/** The running process with its models open, started afresh where none runs or the last one ended. */
	private async process(): Promise<RunningModelProcess> {
		if (this.closed) throw new errors.ModelProcessClosed();
		if (!this.running || this.running.ended) this.running = this.spawn();
		const running = this.running;
		this.notice = await running.opened;
		return running;
	}

	private spawn(): RunningModelProcess {
		const { file, execArgv } = entry();
		const { onEvent, launcher = new ForkModelProcessLauncher(), ...options } = this.options;
		let handle;
		try {
			handle = launcher.launch(file, execArgv);
		} catch (err) {
			throw new errors.ModelProcessCrashed(`could not be started (${(err as Error).message})`);
		}
		const running = new RunningModelProcess(handle, {
			onEvent: (e) => onEvent?.(e),
			onEnd: (p, error) => {
				if (this.running === p) this.running = null;
				if (error instanceof errors.ModelProcessCrashed) onEvent?.({ type: 'crashed', message: error.message });
			},
		});
		running.open(options);
		return running;
	}

	protected async call<K extends ModelOperationName>(
		operation: K,
		input: ModelOperationInput<K>,
		handlers: StreamHandlers = {},
	): Promise<ModelOperationOutput<K>> {
		if (handlers.signal?.aborted) throw new Cancelled('cancelled before it started');
		const running = await this.process();
		return running.call(this.nextId++, operation, input, handlers);
	}

	/** Lets the process finish its calls (5 s at most) and stop; calls still open fail with ModelProcessClosed. */
	async close(): Promise<void> {
		this.closed = true;
		const running = this.running;
		this.running = null;
		await running?.stop(new errors.ModelProcessClosed(), 5000);
	}
}
