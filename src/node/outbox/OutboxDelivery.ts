import type { BackgroundService } from '../workstation/BackgroundService.js';
import { deliverReport } from './deliverReport.js';
import type { OutboxDependencies } from './OutboxDependencies.js';
import { DestinationUnreachableError } from './OutboxErrors.js';
import { defaultRetryTiming, retryDelay } from './retryDelay.js';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** How long stopping waits for a send in flight. */
const stopWaitMs = 2000;

/**
 * Delivers the outbox in the background: due items oldest first, an unreachable destination retried
 * forever with a growing wait, a refusal kept for attention. Waiting items resume when the workstation
 * starts, since the state is in the database. One pass runs at a time.
 */
export class OutboxDelivery implements BackgroundService {
	private timer: NodeJS.Timeout | null = null;
	private running: Promise<void> | null = null;
	private again = false;
	private started = false;
	/** Ends a send in flight when the workstation stops. */
	private stopSending = new AbortController();
	private readonly timing;

	constructor(private readonly d: OutboxDependencies) {
		this.timing = { ...defaultRetryTiming, ...d.timing };
	}

	start(): Promise<void> {
		this.started = true;
		this.stopSending = new AbortController();
		this.kick();
		return Promise.resolve();
	}

	/**
	 * Waits briefly for a send in flight, not for its whole timeout: closing the app must not hang on a
	 * silent RIS. A send that ends later is not recorded, so the item goes again (same SR, same message).
	 */
	async stop(): Promise<void> {
		this.started = false;
		this.stopSending.abort();
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		let wait: NodeJS.Timeout | undefined;
		await Promise.race([this.running, new Promise((resolve) => (wait = setTimeout(resolve, stopWaitMs)))]);
		clearTimeout(wait);
	}

	/** Delivers what is due now (after a signature, a retry), then waits for the next due item. */
	kick(): void {
		// Before start and after stop the database may be closed; start() kicks again.
		if (!this.started) return;
		this.changed();
		if (this.running) {
			this.again = true;
			return;
		}
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		// A failed pass (the database closed under it) is not fatal: the next kick tries again.
		this.running = this.pass()
			.catch(() => undefined)
			.finally(() => {
				this.running = null;
				if (this.again) {
					this.again = false;
					this.kick();
				} else this.schedule();
			});
	}

	private schedule(): void {
		if (!this.started) return;
		const next = this.d.store.nextTryAt();
		if (next === null) return;
		const wait = Math.max(0, Date.parse(next) - Date.now());
		// Timers hold 32-bit milliseconds; the longest wait is ten minutes anyway.
		this.timer = setTimeout(() => this.kick(), Math.min(wait, 2 ** 31 - 1));
	}

	private async pass(): Promise<void> {
		const down = new Map<string, { error: string; nextTryAt: string }>();
		for (const item of this.d.store.due(new Date().toISOString())) {
			if (!this.started) return;
			const destination = `${item.kind}:${item.destinationId}`;
			const unreachable = down.get(destination);
			if (unreachable) {
				this.d.store.postpone(item.id, unreachable.error, unreachable.nextTryAt);
				continue;
			}
			try {
				await deliverReport(this.d, item, this.stopSending.signal);
				if (!this.started) return;
				this.d.store.delivered(item.id, new Date().toISOString());
			} catch (e) {
				if (!this.started) return;
				const error = messageOf(e);
				if (e instanceof DestinationUnreachableError) {
					const at = new Date(Date.now() + retryDelay(item.attempts + 1, this.timing)).toISOString();
					this.d.store.failed(item.id, 'waiting', error, at);
					down.set(destination, { error, nextTryAt: at });
				} else this.d.store.failed(item.id, 'attention', error, item.nextTryAt);
			}
			this.changed();
		}
	}

	private changed(): void {
		this.d.events.emit({ type: 'outbox.changed', ...this.d.store.summary() });
	}
}
