import fs from 'node:fs';
import path from 'node:path';
import type { ModelEvent } from '../../common/radialog/ModelEvent.js';
import type { ReportAssistant } from '../../common/radialog/ReportAssistant.js';
import type { EventSink } from '../events/EventSink.js';
import type { SettingsStore } from '../settings/index.js';

/** How the model stack makes an assistant for a model folder (createReportAssistant in src/node/inference). */
export type AssistantFactory = (o: { modelsDir: string; events: (e: ModelEvent) => void }) => ReportAssistant;

/**
 * One ReportAssistant for the model folder in the settings (or the bundled demo models), made on first
 * use and remade when the folder changes. Model loading shows as a progress job.
 */
export class AssistantProvider {
	private current: { dir: string; assistant: ReportAssistant } | null = null;
	/** The previous folder's assistant while it closes, so two model sets are never loaded at once. */
	private closing: Promise<void> = Promise.resolve();

	constructor(
		private readonly settings: Pick<SettingsStore, 'get'>,
		private readonly events: EventSink,
		private readonly factory: AssistantFactory | null,
		/** Used when the settings name no folder: the demo models shipped with the app, where present. */
		private readonly defaultDir: string | null,
	) {}

	modelsDir(): string | null {
		const configured = this.settings.get().modelsDir;
		if (configured) return configured;
		return this.defaultDir && fs.existsSync(path.join(this.defaultDir, 'manifest.json')) ? this.defaultDir : null;
	}

	/** The loaded model set's notice, once an assistant exists. */
	notice(): string | null {
		return this.current?.assistant.notice ?? null;
	}

	async get(): Promise<ReportAssistant> {
		if (!this.factory) throw new Error('this build has no model stack');
		const dir = this.modelsDir();
		if (!dir) throw new Error('no model set is installed: choose a model folder in the settings');
		if (this.current?.dir !== dir) {
			// Swapped before any await: callers racing a folder change share one new assistant, none is leaked.
			this.close();
			this.current = { dir, assistant: this.factory({ modelsDir: dir, events: (e) => this.onModelEvent(e) }) };
		}
		const { assistant } = this.current;
		await this.closing;
		return assistant;
	}

	private onModelEvent(e: ModelEvent): void {
		const jobId = 'models';
		if (e.type === 'loading')
			this.events.emit({
				type: 'progress',
				task: 'models',
				jobId,
				label: `Loading models (${e.stage})`,
				fraction: e.fraction,
				done: false,
				error: null,
				studyId: null,
			});
		else if (e.type === 'ready') {
			if (e.placement) this.events.emit({ type: 'models.device', ...e.placement });
			this.events.emit({
				type: 'progress',
				task: 'models',
				jobId,
				label: `Models ready on ${e.device}`,
				fraction: 1,
				done: true,
				error: null,
				studyId: null,
			});
		} else if (e.type === 'crashed')
			this.events.emit({
				type: 'progress',
				task: 'models',
				jobId,
				label: 'The model process stopped',
				fraction: null,
				done: true,
				error: e.message,
				studyId: null,
			});
	}

	async start(): Promise<void> {}

	async stop(): Promise<void> {
		this.close();
		await this.closing;
	}

	/** Closes the current assistant; its calls still open fail with a named error (ModelProcessClosed). */
	private close(): void {
		const c = this.current;
		this.current = null;
		if (!c) return;
		const closed = c.assistant.close().catch(() => undefined);
		this.closing = Promise.all([this.closing, closed]).then(() => undefined);
	}
}
