import fs from 'node:fs/promises';
import path from 'node:path';
import { parseDicomBytes } from '../dicom/parseDicomBytes.js';

/** Names that are never images: OS litter and DICOMDIR indexes (read for references, not imported). */
const ignoredNames = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export interface CollectedFiles {
	readonly files: string[];
	/** Paths given that do not exist or cannot be read, with the reason. */
	readonly missing: { file: string; message: string }[];
}

/**
 * Every file under the given files and folders, recursively, in a stable order. A DICOMDIR adds the
 * files it references (media written by other systems may name them without extensions or in upper
 * case) and is itself skipped, since it holds no image.
 */
export async function collectDicomFiles(paths: readonly string[]): Promise<CollectedFiles> {
	const seen = new Set<string>();
	const files: string[] = [];
	const missing: { file: string; message: string }[] = [];
	const add = (f: string) => {
		if (!seen.has(f)) {
			seen.add(f);
			files.push(f);
		}
	};
	const walk = async (p: string): Promise<void> => {
		let st;
		try {
			st = await fs.stat(p);
		} catch (err) {
			missing.push({
				file: p,
				message: `Cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
			});
			return;
		}
		if (st.isDirectory()) {
			const entries = (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
			for (const e of entries) {
				if (e.name.startsWith('.') || ignoredNames.has(e.name)) continue;
				await walk(path.join(p, e.name));
			}
		} else if (st.isFile()) {
			if (path.basename(p).toUpperCase() === 'DICOMDIR') {
				for (const ref of await dicomdirReferences(p)) add(ref);
			} else add(p);
		}
	};
	for (const p of paths) await walk(path.resolve(p));
	return { files, missing };
}

/** Referenced File IDs (0004,1500) of a DICOMDIR, as paths relative to its folder; none if unreadable. */
async function dicomdirReferences(dicomdir: string): Promise<string[]> {
	try {
		const ds = parseDicomBytes(await fs.readFile(dicomdir));
		const out: string[] = [];
		for (const item of ds.elements.x00041220?.items ?? []) {
			const id = item.dataSet?.string('x00041500');
			if (!id) continue;
			const file = path.join(path.dirname(dicomdir), ...id.trim().split('\\'));
			try {
				if ((await fs.stat(file)).isFile()) out.push(file);
			} catch {
				/* listed but absent: the walk reports what is there */
			}
		}
		return out;
	} catch {
		return [];
	}
}
