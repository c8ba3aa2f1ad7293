import fs from 'node:fs/promises';
import path from 'node:path';
import { parseDicomBytes } from '../dicom/parseDicomBytes.js';

/** Names that are never images: OS litter and DICOMDIR indexes (read for references, not imported). */
const ignoredNames = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Folders no study lives in; walking them reads devices or endless kernel files (`/proc/self/...`). */
const systemFolders = ['/proc', '/sys', '/dev', '/run'];

export interface SkippedPath {
	readonly file: string;
	/** unreadable, refused (system folder, root, outside a DICOMDIR's media), special_file, too_deep, limit. */
	readonly code: string;
	readonly message: string;
}

export interface CollectedFiles {
	readonly files: string[];
	/** Paths that were given or found but not collected, each with its reason. */
	readonly missing: SkippedPath[];
}

export interface CollectLimits {
	/** Folder levels below a given path (default 32, as deep as real media go). */
	readonly maxDepth?: number;
	/** Files collected in one call (default 1,000,000). */
	readonly maxFiles?: number;
	/** Milliseconds the walk may take before it stops with what it has (default 10 minutes). */
	readonly timeLimitMs?: number;
}

/**
 * Every file under the given files and folders, recursively, in a stable order. A DICOMDIR adds the
 * files it references (media written by other systems may name them without extensions or in upper
 * case) and is itself skipped, since it holds no image. Folders are identified by device and inode, so
 * symbolic-link loops end; the filesystem root and system folders are refused; FIFOs, sockets and
 * devices are reported, never opened (opening a FIFO would block the import).
 */
export async function collectDicomFiles(paths: readonly string[], limits: CollectLimits = {}): Promise<CollectedFiles> {
	const maxDepth = limits.maxDepth ?? 32;
	const maxFiles = limits.maxFiles ?? 1_000_000;
	const deadline = Date.now() + (limits.timeLimitMs ?? 600_000);
	const seenFiles = new Set<string>();
	const seenFolders = new Set<string>();
	const files: string[] = [];
	const missing: SkippedPath[] = [];
	let stopped = false;
	const skip = (file: string, code: string, message: string): void => {
		missing.push({ file, code, message });
	};
	const add = (f: string) => {
		if (seenFiles.has(f)) return;
		if (files.length >= maxFiles) return stop(f, `More than ${maxFiles} files: the rest was not collected.`);
		seenFiles.add(f);
		files.push(f);
	};
	const stop = (file: string, message: string) => {
		if (!stopped) skip(file, 'limit', message);
		stopped = true;
	};
	const walk = async (p: string, depth: number): Promise<void> => {
		if (stopped) return;
		if (Date.now() > deadline) return stop(p, 'The folder walk ran out of time: the rest was not collected.');
		let st;
		let real;
		try {
			st = await fs.stat(p);
			real = await fs.realpath(p);
		} catch (err) {
			return skip(p, 'unreadable', `Cannot read: ${errorCode(err)}`);
		}
		const refusal = refusedFolder(real);
		if (refusal) return skip(p, 'refused', refusal);
		if (st.isDirectory()) {
			const key = `${st.dev}:${st.ino}`;
			if (seenFolders.has(key)) return; // a link back to a folder already walked
			seenFolders.add(key);
			if (depth > maxDepth) return skip(p, 'too_deep', `Deeper than ${maxDepth} folder levels: not searched.`);
			let entries;
			try {
				entries = (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
			} catch (err) {
				return skip(p, 'unreadable', `Cannot read the folder: ${errorCode(err)}`);
			}
			for (const e of entries) {
				if (e.name.startsWith('.') || ignoredNames.has(e.name)) continue;
				await walk(path.join(p, e.name), depth + 1);
			}
		} else if (st.isFile()) {
			if (path.basename(p).toUpperCase() !== 'DICOMDIR') return add(p);
			const refs = await dicomdirReferences(p);
			refs.outside.forEach((f) => skip(f, 'refused', 'A DICOMDIR may only name files on its own media.'));
			refs.files.forEach(add);
		} else {
			skip(p, 'special_file', `Not a regular file (${specialKind(st)}): skipped.`);
		}
	};
	for (const p of paths) await walk(path.resolve(p), 0);
	return { files, missing };
}

function refusedFolder(real: string): string | null {
	if (real === path.parse(real).root)
		return 'The filesystem root cannot be imported: choose the folder of the studies.';
	const system = systemFolders.find((f) => real === f || real.startsWith(`${f}/`));
	return system ? `${system} is a system folder, not a place for studies.` : null;
}

function specialKind(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean }): string {
	if (st.isFIFO()) return 'a named pipe';
	if (st.isSocket()) return 'a socket';
	return st.isCharacterDevice() ? 'a character device' : 'a block device';
}

function errorCode(err: unknown): string {
	return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/**
 * Referenced File IDs (0004,1500) of a DICOMDIR as paths in its folder; none if unreadable. A file ID
 * is a relative path on the media (PS3.10 8.2): one with `..`, or a link leading out of the media
 * folder, is listed in `outside` and never read.
 */
async function dicomdirReferences(dicomdir: string): Promise<{ files: string[]; outside: string[] }> {
	const files: string[] = [];
	const outside: string[] = [];
	let media: string;
	let ds;
	try {
		media = await fs.realpath(path.dirname(dicomdir));
		ds = parseDicomBytes(await fs.readFile(dicomdir));
	} catch {
		return { files, outside };
	}
	for (const item of ds.elements.x00041220?.items ?? []) {
		const id = item.dataSet?.string('x00041500');
		if (!id) continue;
		const parts = id.trim().split('\\');
		const file = path.join(path.dirname(dicomdir), ...parts);
		if (parts.some((part) => part === '..' || part === '.' || path.isAbsolute(part))) {
			outside.push(file);
			continue;
		}
		try {
			const real = await fs.realpath(file);
			if (!real.startsWith(media + path.sep)) outside.push(file);
			else if ((await fs.stat(real)).isFile()) files.push(file);
		} catch {
			/* listed but absent: the walk reports what is there */
		}
	}
	return { files, outside };
}
