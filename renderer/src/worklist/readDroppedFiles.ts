/**
 * Files from a drop, folders included (walked through the File System entries API). Browsers give
 * dropped folders no path, so their files travel to the backend as bytes.
 */
export async function readDroppedFiles(data: DataTransfer): Promise<File[]> {
	const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
	if (!entries.length) return [...data.files];
	const out: File[] = [];
	const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
		if (entry.isFile) {
			const file = await new Promise<File>((resolve, reject) =>
				(entry as FileSystemFileEntry).file(resolve, reject),
			);
			out.push(new File([file], prefix + file.name, { type: file.type }));
		} else if (entry.isDirectory) {
			const reader = (entry as FileSystemDirectoryEntry).createReader();
			// readEntries returns at most ~100 entries per call: read until it returns none.
			for (;;) {
				const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
					reader.readEntries(resolve, reject),
				);
				if (!batch.length) break;
				for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
			}
		}
	};
	for (const e of entries) await walk(e, '');
	return out;
}

/** Splits files into upload batches of about `maxBytes` each (at least one file per batch). */
export function uploadBatches(files: File[], maxBytes = 64 * 1024 * 1024): File[][] {
	const batches: File[][] = [];
	let cur: File[] = [];
	let size = 0;
	for (const f of files) {
		if (cur.length && size + f.size > maxBytes) {
			batches.push(cur);
			cur = [];
			size = 0;
		}
		cur.push(f);
		size += f.size;
	}
	if (cur.length) batches.push(cur);
	return batches;
}
