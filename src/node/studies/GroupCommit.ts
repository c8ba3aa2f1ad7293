type Waiting = { readonly save: () => unknown; resolve(v: unknown): void; reject(e: unknown): void };

/**
 * Saves that arrive together are committed together. Each save waits for the next turn of the event loop;
 * every save queued by then (other associations' images, whose files finished writing meanwhile) runs in the
 * same transaction, and all their promises settle once it has committed: a sender is answered only for an
 * image that is in the database. A save that throws loses only its own savepoint; a failed commit fails all.
 */
export class GroupCommit {
	private waiting: Waiting[] = [];

	constructor(private readonly commit: (saves: () => void) => void) {}

	run<T>(save: () => T): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			if (!this.waiting.length) setImmediate(() => this.flush());
			this.waiting.push({ save, resolve, reject });
		});
	}

	private flush(): void {
		const batch = this.waiting;
		this.waiting = [];
		const outcomes: { ok: boolean; value: unknown }[] = [];
		try {
			this.commit(() => {
				for (const w of batch) {
					try {
						outcomes.push({ ok: true, value: w.save() });
					} catch (err) {
						outcomes.push({ ok: false, value: err });
					}
				}
			});
		} catch (err) {
			for (const w of batch) w.reject(err);
			return;
		}
		batch.forEach((w, i) => (outcomes[i]!.ok ? w.resolve(outcomes[i]!.value) : w.reject(outcomes[i]!.value)));
	}
}
