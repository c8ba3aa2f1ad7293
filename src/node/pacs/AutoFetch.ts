import type { PacsSearchHit } from '../../common/api/pacsContract.js';
import type { EventSink } from '../events/EventSink.js';
import type { BackgroundService } from '../workstation/BackgroundService.js';
import type { PacsService } from './PacsService.js';
import type { PacsSettingsSource } from './PacsServiceDependencies.js';

export interface AutoFetchOptions {
	/** How long one of the rule's minutes lasts; tests shorten it instead of waiting. */
	readonly minuteMs?: number;
	readonly now?: () => Date;
}

const jobId = 'pacs-autofetch';

/**
 * Fetches new studies from a PACS in the background (Settings → PACS → auto-fetch): every M minutes it
 * searches for the rule's modalities in the last N hours and retrieves what is not local yet, so the draft
 * queue drafts them before a reader opens them. What is local is asked afresh on each run, so a restart
 * repeats nothing; runs never overlap; a failure is reported as a progress error and tried again next time.
 */
export class AutoFetch implements BackgroundService {
	private timer: NodeJS.Timeout | null = null;
	private running: Promise<void> | null = null;
	private stopped = false;
	private readonly minuteMs: number;
	private readonly now: () => Date;

	constructor(
		private readonly d: {
			readonly settings: PacsSettingsSource;
			readonly pacs: Pick<PacsService, 'search' | 'retrieve'>;
			readonly events: EventSink;
		},
		o: AutoFetchOptions = {},
	) {
		this.minuteMs = o.minuteMs ?? 60_000;
		this.now = o.now ?? (() => new Date());
	}

	start(): Promise<void> {
		this.stopped = false;
		this.schedule(0);
		return Promise.resolve();
	}

	async stop(): Promise<void> {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		await this.running;
	}

	private schedule(ms: number): void {
		if (this.stopped) return;
		this.timer = setTimeout(() => void this.tick(), ms);
	}

	private async tick(): Promise<void> {
		const rule = this.d.settings.pacsSettings().autoFetch;
		// Off: the settings are looked at again each minute, so switching it on needs no restart.
		if (!rule.enabled) return this.schedule(this.minuteMs);
		await this.runOnce();
		this.schedule(rule.everyMinutes * this.minuteMs);
	}

	/** One pass of the rule; a pass already running is joined, never doubled. */
	runOnce(): Promise<void> {
		this.running ??= this.pass().finally(() => (this.running = null));
		return this.running;
	}

	private async pass(): Promise<void> {
		const rule = this.d.settings.pacsSettings().autoFetch;
		const label = 'Auto-fetch from PACS';
		try {
			const now = this.now();
			const from = new Date(now.getTime() - rule.lastHours * 3_600_000);
			const hits = await this.d.pacs.search(rule.pacsId ?? undefined, {
				since: dicomDate(from),
				until: dicomDate(now),
				...(rule.modalities.length ? { modalities: rule.modalities } : {}),
			});
			const wanted = hits.filter(
				(h) => !h.localStudyId && !h.problem && within(h, from) && ofModalities(h, rule.modalities),
			);
			const failures: string[] = [];
			for (const [i, hit] of wanted.entries()) {
				if (this.stopped) break;
				this.progress(`${label}: study ${i + 1} of ${wanted.length}`, i / wanted.length, false);
				await this.d.pacs.retrieve(hit.pacsId, hit.studyInstanceUid).catch((e: Error) => {
					failures.push(e.message);
				});
			}
			const fetched = wanted.length - failures.length;
			const error = failures.length ? `${failures.length} not retrieved: ${failures[0]}` : null;
			this.progress(`${label}: ${fetched} new stud${fetched === 1 ? 'y' : 'ies'}`, 1, true, error);
		} catch (e) {
			this.progress(`${label} failed`, null, true, (e as Error).message);
		}
	}

	private progress(label: string, fraction: number | null, done: boolean, error: string | null = null): void {
		this.d.events.emit({ type: 'progress', jobId, task: 'retrieve', label, fraction, done, error, studyId: null });
	}
}

function dicomDate(d: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}`;
}

/**
 * Whether the study was done in the window: QIDO matches whole days, so the time decides here. A study
 * without a time counts by its day.
 */
function within(hit: PacsSearchHit, from: Date): boolean {
	const d = /^(\d{4})(\d{2})(\d{2})$/.exec(hit.studyDate);
	if (!d) return false;
	const t = /^(\d{2})(\d{2})?(\d{2})?/.exec(hit.studyTime);
	if (!t) return hit.studyDate >= dicomDate(from);
	const at = new Date(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +(t[2] ?? 0), +(t[3] ?? 0));
	// No upper bound beyond QIDO's day: a modality clock a little ahead must not hide a study.
	return at >= from;
}

/** The PACS may ignore the modality filter; the rule's modalities are checked here too. */
function ofModalities(hit: PacsSearchHit, modalities: readonly string[]): boolean {
	return !modalities.length || hit.modalities.some((m) => modalities.includes(m));
}
