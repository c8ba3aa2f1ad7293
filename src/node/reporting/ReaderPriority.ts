/** A background draft gave way to the reader's own work; it is retried once the reader is idle. */
export class DraftPreemptedError extends Error {
	override readonly name = 'DraftPreemptedError';
	constructor() {
		super('The background draft paused for the study the reader opened.');
	}
}

/**
 * The reader goes first. Model calls run one at a time, so a background draft of another study would
 * hold the opened study's findings and first tokens for the whole length of its generation. Reader work
 * cancels background drafts of other studies at once (token-level, through the model process's cancel)
 * and background drafts wait until no reader work is running.
 */
export class ReaderPriority {
	private readerWork = 0;
	private readonly background = new Map<number, AbortController>();
	private idleWaiters: (() => void)[] = [];

	/** Runs reader work on `studyId`; a background draft of this same study is shared, not cancelled. */
	async asReader<T>(studyId: number, work: () => Promise<T>): Promise<T> {
		this.readerWork++;
		for (const [id, controller] of this.background) if (id !== studyId) controller.abort();
		try {
			return await work();
		} finally {
			if (--this.readerWork === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
		}
	}

	/** Waits for the reader to be idle, then runs `work` with a signal that reader work may abort. */
	async asBackground<T>(studyId: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
		while (this.readerWork > 0) await new Promise<void>((wake) => this.idleWaiters.push(wake));
		const controller = new AbortController();
		this.background.set(studyId, controller);
		try {
			return await work(controller.signal);
		} finally {
			if (this.background.get(studyId) === controller) this.background.delete(studyId);
		}
	}
}
