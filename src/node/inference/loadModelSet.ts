import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ModelManifest } from '../../common/models/ModelManifest.js';
import { InvalidManifest, ModelFileMissing, ModelHashMismatch } from './modelErrors.js';
import { verifiedHashesFile } from './verifiedHashesFile.js';

/** A validated manifest with the absolute paths of its files. */
export interface ModelSet {
	readonly manifestPath: string;
	readonly manifest: ModelManifest;
	readonly paths: {
		readonly encoder: string;
		readonly classifier: string;
		readonly llm: string;
		readonly loraAdapters: readonly string[];
	};
}

/** `dir` may be the model folder or the manifest file itself. */
export function manifestPathOf(dirOrFile: string): string {
	return dirOrFile.endsWith('.json') ? path.resolve(dirOrFile) : path.resolve(dirOrFile, 'manifest.json');
}

/** Reads and validates the manifest and checks each file exists. Hashes are checked by `verifyModelFiles`. */
export function readModelSet(dirOrFile: string): ModelSet {
	const { manifestPath, manifest } = readManifest(dirOrFile);
	const dir = path.dirname(manifestPath);
	const at = (f: string) => {
		const p = path.join(dir, f);
		if (!fs.existsSync(p))
			throw new ModelFileMissing('a model file named in the manifest is missing', manifestPath, p);
		return p;
	};
	return {
		manifestPath,
		manifest,
		paths: {
			encoder: at(manifest.vision.encoder.file),
			classifier: at(manifest.vision.classifier.file),
			llm: at(manifest.llm.file),
			loraAdapters: manifest.llm.loraAdapters.map((a) => at(a.file)),
		},
	};
}

/** Reads and validates the manifest only (InvalidManifest otherwise); its files are not looked at. */
export function readManifest(dirOrFile: string): { manifestPath: string; manifest: ModelManifest } {
	const manifestPath = manifestPathOf(dirOrFile);
	let raw: unknown;
	try {
		raw = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	} catch (err) {
		throw new InvalidManifest(`cannot read the model manifest: ${(err as Error).message}`, manifestPath);
	}
	const parsed = ModelManifest.safeParse(raw);
	if (!parsed.success) {
		const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
		throw new InvalidManifest(`the model manifest is not valid: ${issues}`, manifestPath);
	}
	return { manifestPath, manifest: parsed.data };
}

async function sha256Of(file: string, onBytes: (n: number) => void): Promise<string> {
	const h = crypto.createHash('sha256');
	for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 << 20 })) {
		h.update(chunk as Buffer);
		onBytes((chunk as Buffer).length);
	}
	return h.digest('hex');
}

/**
 * Files already hashed, by identity (path, size, modification and change times, inode): a 7B model takes a
 * minute to hash, so a file is hashed again only when it changed. The change time moves on every write
 * and cannot be set back, so an edit is caught even where the modification time was restored. A cache,
 * not a trust store: losing it costs time.
 */
function readVerified(file: string): Record<string, string> {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
	} catch {
		return {};
	}
}

function identity(file: string): string {
	const st = fs.statSync(file);
	return `${fs.realpathSync(file)}|${st.size}|${st.mtimeMs}|${st.ctimeMs}|${st.ino}`;
}

/**
 * Written whole and renamed into place, so a concurrent start never reads half a file; entries of files
 * that are gone (a deleted model folder) are dropped.
 */
function writeVerified(file: string, verified: Record<string, string>): void {
	for (const key of Object.keys(verified))
		if (!fs.existsSync(key.split('|').slice(0, -4).join('|'))) Reflect.deleteProperty(verified, key);
	try {
		fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
		const partial = `${file}.${process.pid}.tmp`;
		fs.writeFileSync(partial, JSON.stringify(verified), { mode: 0o600 });
		fs.renameSync(partial, file);
	} catch {
		// No writable cache folder: hash again next time.
	}
}

/** Checks every file's sha256 against the manifest; `onProgress` gets 0..1 over all bytes. */
export async function verifyModelFiles(set: ModelSet, onProgress?: (fraction: number) => void): Promise<void> {
	const m = set.manifest;
	const files: [string, string][] = [
		[set.paths.encoder, m.vision.encoder.sha256],
		[set.paths.classifier, m.vision.classifier.sha256],
		[set.paths.llm, m.llm.sha256],
		...set.paths.loraAdapters.map((p, i): [string, string] => [p, m.llm.loraAdapters[i]!.sha256]),
	];
	await verifyFileHashes(set.manifestPath, files, onProgress);
}

/**
 * Checks each [file, expected sha256] pair (ModelHashMismatch naming the file), skipping files hashed
 * before and unchanged since.
 */
export async function verifyFileHashes(
	manifestPath: string,
	files: readonly (readonly [string, string])[],
	onProgress?: (fraction: number) => void,
): Promise<void> {
	const cacheFile = verifiedHashesFile();
	const verified = readVerified(cacheFile);
	const todo = files.filter(([f, expected]) => verified[identity(f)] !== expected);
	const total = todo.reduce((s, [f]) => s + fs.statSync(f).size, 0) || 1;
	let done = 0;
	for (const [file, expected] of todo) {
		const before = identity(file);
		const actual = await sha256Of(file, (n) => {
			done += n;
			onProgress?.(done / total);
		});
		if (actual !== expected)
			throw new ModelHashMismatch(`sha256 mismatch: expected ${expected}, found ${actual}`, manifestPath, file);
		// A file written to while it was read is not remembered: what was hashed may not be what is there.
		if (identity(file) === before) verified[before] = actual;
	}
	onProgress?.(1);
	if (todo.length) writeVerified(cacheFile, verified);
}
