import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Received and imported files, kept byte for byte under `<dataDir>/originals/ab/<sha256>.dcm`. Content
 * addressing makes a second copy of the same file free and lets anyone verify a file was never changed.
 */
export class OriginalsStore {
	/** Folders known to exist: a receiver stores thousands of files into the same 256. */
	private readonly folders = new Set<string>();

	constructor(readonly root: string) {}

	static sha256(bytes: Uint8Array): string {
		return crypto.createHash('sha256').update(bytes).digest('hex');
	}

	/** Read in pieces through one buffer: a fresh buffer per file cost a page fault every 4 KiB. */
	private static readonly piece = Buffer.alloc(1024 * 1024);

	/** The SHA-256 of a file, read here on this thread (from the page cache, cheaper than a hand-off). */
	static sha256OfFile(file: string): string {
		const hash = crypto.createHash('sha256');
		const fd = fs.openSync(file, 'r');
		try {
			for (let n; (n = fs.readSync(fd, OriginalsStore.piece, 0, OriginalsStore.piece.length, null)) > 0;)
				hash.update(OriginalsStore.piece.subarray(0, n));
		} finally {
			fs.closeSync(fd);
		}
		return hash.digest('hex');
	}

	pathOf(sha256: string): string {
		if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a sha256: ${sha256}`);
		return path.join(this.root, sha256.slice(0, 2), `${sha256}.dcm`);
	}

	/**
	 * Writes the bytes unless they are already stored; a temp name and rename keep a crash from leaving half
	 * a file.
	 */
	put(sha256: string, bytes: Uint8Array): string {
		const target = this.pathOf(sha256);
		if (!this.missing(target)) return target;
		const tmp = this.tempName(target);
		fs.writeFileSync(tmp, bytes, { flag: 'wx', mode: 0o444 });
		fs.renameSync(tmp, target);
		return target;
	}

	/**
	 * Keeps a file already on disk (a received file in the spool) as the original, by a second link to it, so
	 * its bytes are not written twice; the spool's name goes once its rows are committed.
	 */
	adopt(sha256: string, file: string): string {
		const target = this.pathOf(sha256);
		if (!this.missing(target)) return target;
		try {
			fs.linkSync(file, target);
		} catch (err) {
			const code = (err as NodeJS.ErrnoException).code;
			if (code === 'EEXIST') return target;
			// A spool on another file system (or one without hard links): copied instead.
			if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw err;
			const tmp = this.tempName(target);
			fs.copyFileSync(file, tmp, fs.constants.COPYFILE_EXCL);
			fs.renameSync(tmp, target);
		}
		return target;
	}

	/** Deletes a stored original no row points at (a refused or duplicate file written ahead of its check). */
	async discard(sha256: string): Promise<void> {
		await fs.promises.rm(this.pathOf(sha256), { force: true });
	}

	/** Whether the original is not stored yet; if so, its folder is made ready for it. */
	private missing(target: string): boolean {
		if (fs.existsSync(target)) return false;
		const folder = path.dirname(target);
		if (!this.folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
		this.folders.add(folder);
		return true;
	}

	private tempName(target: string): string {
		return `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
	}

	read(sha256: string): Buffer {
		return fs.readFileSync(this.pathOf(sha256));
	}
}
