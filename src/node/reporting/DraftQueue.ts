import { ModelProcessCrashed } from '../inference/modelErrors.js';
import { DraftPreemptedError } from './ReaderPriority.js';
import { AssistantUnavailableError } from './ReportingErrors.js';
import type { EventSink } from '../events/EventSink.js';
import type { ReportingService } from './ReportingService.js';
import type { StudyFacts } from './StudyFacts.js';

/**
 * Pre-drafts studies that arrive by import or C-STORE, one at a time, in the background. Progress
 * goes out as `progress` events with the study id (the worklist shows it). A study the reader opened
 * meanwhile shares the running draft (ReportingService serialises per study); reader work on any other
 * study cancels the background draft, which resumes once the reader is idle (ReaderPriority).
 */
export class DraftQueue {
	private running = false;
	private stopped = true;
	private timer: NodeJS.Timeout | null = null;
	private readonly failed = new Set<number>();
	/** Model processes that died while drafting a study: retried, but a study that kills it twice is left. */
	private readonly crashes = new Map<number, number>();
	/** Set while no model set can be loaded: said once, then retried slowly (an import kicks it at once). */
	private unavailable: string | null = null;

	constructor(
		private readonly d: {
			/** Who drafts: the workflow's own draft step, so a queued and a clicked draft share the work. */
			readonly drafts: Pick<ReportingService, 'draft'>;
			readonly studies: Pick<StudyFacts, 'undrafted'>;
			readonly events: EventSink;
		},
		private readonly pollMs = 2000,
	) {}

	start(): Promise<void> {
		this.stopped = false;
		this.kick();
		return Promise.resolve();
	}

	stop(): Promise<void> {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		return Promise.resolve();
	}

	/** Look for work now (called after an import, and on a slow timer as a safety net). */
	kick(): void {
		if (this.stopped || this.running) return;
		if (this.timer) clearTimeout(this.timer);
		this.running = true;
		void this.drain().finally(() => {
			this.running = false;
			if (!this.stopped)
				this.timer = setTimeout(
					() => this.kick(),
					this.unavailable ? Math.max(this.pollMs, 30_000) : this.pollMs,
				);
		});
	}

	private async drain(): Promise<void> {
		const events = this.d.events;
		while (!this.stopped) {
			const next = this.d.studies.undrafted().filter((id) => !this.failed.has(id));
			if (!next.length) return;
			const studyId = next[0]!;
			const jobId = `predraft:${studyId}`;
			events.emit({
				type: 'progress',
				task: 'draft',
				jobId,
				label: `Drafting report (${next.length} waiting)`,
				fraction: null,
				done: false,
				error: null,
				studyId,
			});
			try {
				await this.d.drafts.draft(studyId, { actor: 'draft queue', background: true });
				this.unavailable = null;
				events.emit({
					type: 'progress',
					task: 'draft',
					jobId,
					label: 'Draft ready',
					fraction: 1,
					done: true,
					error: null,
					studyId,
				});
				events.emit({ type: 'worklist.changed', studyIds: [studyId] });
			} catch (e) {
				if (e instanceof DraftPreemptedError) {
					// The reader opened another study: this one is drafted again once the reader is idle.
					events.emit({
						type: 'progress',
						task: 'draft',
						jobId,
						label: 'Drafting paused for the study you opened',
						fraction: null,
						done: true,
						error: null,
						studyId,
					});
					continue;
				}
				const message = (e as Error).message;
				const crashes = (this.crashes.get(studyId) ?? 0) + 1;
				if (e instanceof ModelProcessCrashed && crashes < 2) {
					// A crash is usually not the study's fault: the next call starts a new model process.
					this.crashes.set(studyId, crashes);
					continue;
				}
				if (e instanceof AssistantUnavailableError) {
					// No models: every study would fail the same way. Say so once and wait.
					events.emit({
						type: 'progress',
						task: 'draft',
						jobId,
						label: 'Draft not made',
						fraction: null,
						done: true,
						error: this.unavailable === message ? null : message,
						studyId,
					});
					this.unavailable = message;
					return;
				}
				// This study's image cannot be read, or the model failed on it: leave it for the reader, do not spin.
				this.failed.add(studyId);
				events.emit({
					type: 'progress',
					task: 'draft',
					jobId,
					label: 'Draft not made',
					fraction: null,
					done: true,
					error: message,
					studyId,
				});
			}
		}
	}
}
