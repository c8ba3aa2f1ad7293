import fs from 'node:fs';
import path from 'node:path';
import type { AdmittedImage } from '../studies/index.js';
import { SpoolFile, type GatherBuffers } from './SpoolFile.js';

/** Images stored in one transaction; between two, the thread answers senders again. */
const chunk = 256;
/** Files kept open ahead of arrivals. */
const openedAhead = 4;
/** Gathering buffers kept for reuse: as many, and none larger (a 30 MB radiograph's goes back). */
const keptBuffers = 4;
const largestKept = 4 * 1024 * 1024;
const smallest = 256 * 1024;

/**
 * Received images between their answer and the database. A sender is answered once its image's file is
 * whole in the spool folder (a crash of the app keeps it: storescp promises no more); the images are
 * stored when the line goes quiet (`quietMs` without a new one, or the association ends), or after
 * `maxWaitMs` of continuous arrival. Storing each image before answering it made a sender wait twice as
 * long. Files a crash left behind are stored at the next start (the receiver's `recover`).
 */
export class ReceivedSpool {
	private waiting: AdmittedImage[] = [];
	private firstAt = 0;
	private lastAt = 0;
	private timer: NodeJS.Timeout | null = null;
	private running: Promise<void> = Promise.resolve();
	private made = false;
	private count = 0;
	private kept = 0;
	/** Files opened ahead for the next arrivals, in the order they were named. */
	private readonly ready: { path: string; fd: number }[] = [];
	private opening = 0;
	private closed = false;
	private readonly spare: Buffer[] = [];
	/** Reused buffers: each image's own would be fresh memory, whose page faults cost more than the copy. */
	private readonly buffers: GatherBuffers = {
		take: (atLeast) => {
			const i = this.spare.findIndex((b) => b.length >= atLeast);
			return i >= 0 ? this.spare.splice(i, 1)[0]! : Buffer.allocUnsafeSlow(Math.max(atLeast, smallest));
		},
		give: (buffer) => {
			if (buffer.length <= largestKept && this.spare.length < keptBuffers) this.spare.push(buffer);
		},
	};

	constructor(
		readonly folder: string,
		private readonly store: (batch: readonly AdmittedImage[]) => Promise<void>,
		private readonly quietMs = 100,
		private readonly maxWaitMs = 5000,
	) {}

	/** A new file for an arriving data set, starting with its Part 10 header. */
	open(header: Buffer): SpoolFile {
		if (!this.made) fs.mkdirSync(this.folder, { recursive: true });
		this.made = true;
		const next = this.ready.shift();
		this.openAhead();
		return next
			? new SpoolFile(next.path, header, this.buffers, next.fd)
			: new SpoolFile(this.nextPath(), header, this.buffers);
	}

	/** Closes and deletes the files opened ahead (the receiver stops). */
	close(): void {
		this.closed = true;
		for (const f of this.ready.splice(0)) {
			fs.closeSync(f.fd);
			fs.rmSync(f.path, { force: true });
		}
	}

	/**
	 * Creating a file costs more than writing 128 KB into it (some 0.4 ms here, ext4): the next few are
	 * created on libuv's threads while this one arrives, so the thread that answers senders never waits.
	 */
	private openAhead(): void {
		this.closed = false;
		while (this.ready.length + this.opening < openedAhead) {
			this.opening++;
			const file = this.nextPath();
			fs.open(file, 'wx', 0o444, (err, fd) => {
				this.opening--;
				if (err) return; // the next arrival opens its own and meets the error there
				if (!this.closed) return void this.ready.push({ path: file, fd });
				fs.close(fd, () => fs.rm(file, { force: true }, () => undefined));
			});
		}
	}

	private nextPath(): string {
		return path.join(this.folder, `${process.pid}-${++this.count}.part`);
	}

	/**
	 * Renames a whole file for storing; returns its path. Names sort in the order images were answered
	 * (time, then a counter), so a restart stores leftovers in that order.
	 */
	keep(file: SpoolFile): string {
		const order = `${Date.now().toString().padStart(15, '0')}-${(++this.kept).toString().padStart(12, '0')}`;
		return file.keep(path.join(this.folder, `${order}-${process.pid}.dcm`));
	}

	/** An admitted image whose sender has its answer; stored with the next batch. */
	add(image: AdmittedImage): void {
		const now = Date.now();
		if (!this.waiting.length) this.firstAt = now;
		this.waiting.push(image);
		this.lastAt = now;
		if (now - this.firstAt >= this.maxWaitMs) void this.flush();
		else this.schedule();
	}

	/** Stores everything waiting now; settles when it and every earlier batch are stored. */
	flush(): Promise<void> {
		const batch = this.waiting;
		this.waiting = [];
		if (!batch.length) return this.running;
		this.running = this.running.then(async () => {
			for (let at = 0; at < batch.length; at += chunk) {
				const part = batch.slice(at, at + chunk);
				await this.store(part);
				for (const image of part) fs.rmSync(image.file, { force: true });
				await new Promise((r) => setImmediate(r));
			}
		});
		// A failed batch keeps its files: the next start stores them. Later batches still run.
		this.running = this.running.catch(() => undefined);
		return this.running;
	}

	/** Files left by a crash: the whole ones to store again, in arrival order; unanswered parts deleted. */
	leftovers(): string[] {
		if (!fs.existsSync(this.folder)) return [];
		const names = fs.readdirSync(this.folder).sort();
		for (const n of names) if (n.endsWith('.part')) fs.rmSync(path.join(this.folder, n), { force: true });
		return names.filter((n) => n.endsWith('.dcm')).map((n) => path.join(this.folder, n));
	}

	private schedule(): void {
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			if (!this.waiting.length) return;
			if (Date.now() - this.lastAt < this.quietMs) return this.schedule();
			void this.flush();
		}, this.quietMs);
		this.timer.unref();
	}
}
