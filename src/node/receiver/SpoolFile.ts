import fs from 'node:fs';

/**
 * One received file being written into the spool folder as its fragments arrive (`<name>.part`), renamed to
 * a `.dcm` once whole: a `.dcm` there is always complete, a `.part` never acknowledged. The fragments
 * are also kept until `bytes()`, so the file can be checked without reading it back.
 */
export class SpoolFile {
	private fd: number | null;
	private readonly parts: Buffer[];
	/** A failed write (a full disk): the file is refused when it completes, not the association aborted. */
	private failure: Error | null = null;

	/** @param fd the file opened ahead (see ReceivedSpool), or null to open it now. */
	constructor(
		private readonly partPath: string,
		header: Buffer,
		fd: number | null = null,
	) {
		this.fd = fd ?? SpoolFile.create(partPath);
		this.parts = [header];
		this.write(header);
	}

	/** Read-only from the start, as stored originals are; the descriptor itself may write. */
	static create(partPath: string): number {
		return fs.openSync(partPath, 'wx', 0o444);
	}

	add(fragment: Buffer): void {
		this.parts.push(fragment);
		this.write(fragment);
	}

	/** The whole file's bytes, as written. */
	bytes(): Buffer {
		return Buffer.concat(this.parts);
	}

	/** Closes the file and renames it `kept` (a `.dcm`); returns that. Throws when a write failed. */
	keep(kept: string): string {
		this.close();
		if (this.failure) {
			this.abandon();
			throw this.failure;
		}
		fs.renameSync(this.partPath, kept);
		this.parts.length = 0;
		return kept;
	}

	abandon(): void {
		this.close();
		this.parts.length = 0;
		fs.rmSync(this.partPath, { force: true });
	}

	private write(b: Buffer): void {
		if (this.fd === null || this.failure) return;
		try {
			for (let at = 0; at < b.length;) at += fs.writeSync(this.fd, b, at);
		} catch (err) {
			this.failure = err as Error;
		}
	}

	private close(): void {
		if (this.fd === null) return;
		fs.closeSync(this.fd);
		this.fd = null;
	}
}
