import fs from 'node:fs';

/** Lends the buffers received data sets are gathered in; a returned one serves the next. */
export interface GatherBuffers {
	take(atLeast: number): Buffer;
	give(buffer: Buffer): void;
}

/**
 * One received file in the spool folder: created as `<name>.part` when its data set starts, written whole
 * and renamed to a `.dcm` once the data set is complete and checked, so a `.dcm` there is always complete
 * and a `.part` never acknowledged. The fragments are gathered in one lent buffer (they arrive in buffers
 * the reader reuses), which `bytes()` shows for the checks without reading the file back.
 */
export class SpoolFile {
	private fd: number | null;
	private buffer: Buffer;
	private length = 0;

	/** @param fd the file opened ahead (see ReceivedSpool), or null to open it now. */
	constructor(
		private readonly partPath: string,
		header: Buffer,
		private readonly buffers: GatherBuffers,
		fd: number | null = null,
	) {
		this.fd = fd ?? SpoolFile.create(partPath);
		this.buffer = buffers.take(header.length);
		this.add(header);
	}

	/** Read-only from the start, as stored originals are; the descriptor itself may write. */
	static create(partPath: string): number {
		return fs.openSync(partPath, 'wx', 0o444);
	}

	/** Copies the fragment: the caller may reuse its memory once this returns. */
	add(fragment: Buffer): void {
		const needed = this.length + fragment.length;
		if (needed > this.buffer.length) {
			const larger = this.buffers.take(Math.max(needed, 2 * this.buffer.length));
			this.buffer.copy(larger, 0, 0, this.length);
			this.buffers.give(this.buffer);
			this.buffer = larger;
		}
		fragment.copy(this.buffer, this.length);
		this.length = needed;
	}

	/** The whole file's bytes so far; valid until `keep` or `abandon`. */
	bytes(): Buffer {
		return this.buffer.subarray(0, this.length);
	}

	/**
	 * Writes the file (one call: the data set is whole by now), closes it and renames it `kept` (a `.dcm`);
	 * returns that. Throws when the write fails (a full disk), having deleted the part.
	 */
	keep(kept: string): string {
		try {
			const bytes = this.bytes();
			for (let at = 0; at < bytes.length;) at += fs.writeSync(this.fd!, bytes, at);
			this.close();
			fs.renameSync(this.partPath, kept);
		} catch (err) {
			this.abandon();
			throw err;
		}
		this.release();
		return kept;
	}

	abandon(): void {
		this.close();
		this.release();
		fs.rmSync(this.partPath, { force: true });
	}

	private release(): void {
		if (!this.buffer.length) return;
		this.buffers.give(this.buffer);
		this.buffer = Buffer.alloc(0);
		this.length = 0;
	}

	private close(): void {
		if (this.fd === null) return;
		fs.closeSync(this.fd);
		this.fd = null;
	}
}
