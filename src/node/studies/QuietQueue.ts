/**
 * Background work that waits until images stop arriving: the decode check of a received image would
 * otherwise share the thread with the next one being received. Items run one at a time once nothing was
 * added for `quietMs`; an item waiting longer than `maxWaitMs` runs anyway, so a sender that never pauses
 * cannot leave the queue growing.
 */
export class QuietQueue<T> {
	private readonly waiting: { item: T; at: number }[] = [];
	private lastAdded = 0;
	private timer: NodeJS.Timeout | null = null;
	private chain: Promise<void> = Promise.resolve();

	constructor(
		private readonly work: (item: T) => Promise<unknown>,
		private readonly quietMs = 100,
		private readonly maxWaitMs = 5000,
	) {}

	add(item: T): void {
		const now = Date.now();
		this.waiting.push({ item, at: now });
		this.lastAdded = now;
		if (now - this.waiting[0]!.at > this.maxWaitMs) void this.runOne();
		this.schedule();
	}

	/** Runs everything still waiting, quiet or not; settles when all of it is done. */
	drain(): Promise<void> {
		while (this.waiting.length) void this.runOne();
		return this.chain;
	}

	private schedule(): void {
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			this.tick();
		}, this.quietMs);
	}

	private tick(): void {
		if (!this.waiting.length) return;
		if (Date.now() - this.lastAdded < this.quietMs) return this.schedule();
		void this.runOne().then(() => this.tick());
	}

	private runOne(): Promise<void> {
		const next = this.waiting.shift();
		if (next) this.chain = this.chain.then(() => this.work(next.item)).then(noop, noop);
		return this.chain;
	}
}

function noop(): void {}
