import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ModelManifest } from '../../../common/models/ModelManifest.js';
import { manifestPathOf, readManifest } from '../loadModelSet.js';
import { ModelFileCorrupt, ModelFileMissing, ModelHashMismatch, ModelSetError } from '../modelErrors.js';
import { checkImageModelGraph, checkLabelerGraph } from './checkOnnxGraphs.js';
import { checkAdapterFile, checkLanguageModelFile } from './checkLanguageModelFile.js';
import type { ModelSetCheck } from './ModelSetCheck.js';

export interface ModelSetVerdict {
	readonly passed: boolean;
	readonly checks: readonly ModelSetCheck[];
}

interface ListedFile {
	readonly file: string;
	readonly sha256: string;
	/** The check of its content once its bytes are right. */
	readonly inspect?: (absolute: string, manifestPath: string) => Promise<string>;
}

function listedFiles(m: ModelManifest): ListedFile[] {
	const v = m.vision;
	const files: ListedFile[] = [
		{ ...v.encoder, inspect: (f, mp) => checkImageModelGraph(f, mp, v.encoder) },
		{ ...v.classifier, inspect: (f, mp) => checkImageModelGraph(f, mp, v.classifier) },
		{ ...m.llm, inspect: (f, mp) => checkLanguageModelFile(f, mp, m.llm) },
		...m.llm.loraAdapters.map((a) => ({ ...a, inspect: checkAdapterFile })),
	];
	const l = m.labeler;
	if (l) files.push({ ...l, inspect: (f, mp) => checkLabelerGraph(f, mp, l) }, l.tokenizer.vocab);
	return files;
}

async function sha256Of(file: string): Promise<string> {
	const h = crypto.createHash('sha256');
	for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 << 20 })) h.update(chunk as Buffer);
	return h.digest('hex');
}

function manifestOrNull(dir: string): ReturnType<typeof readManifest> | null {
	try {
		return readManifest(dir);
	} catch {
		return null;
	}
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;

/**
 * Checks a model set as a site receives it: the manifest against its schema, every listed file's presence
 * and sha256 (always hashed, never taken from the load-time cache), the ONNX graphs' names and shapes, and
 * the GGUF header. A file that fails is not inspected further; the other checks still run. `onCheck`
 * hears each check as it ends (hashing a 7B model takes a minute).
 */
export async function verifyModelSet(
	dir: string,
	onCheck: (c: ModelSetCheck) => void = () => {},
): Promise<ModelSetVerdict> {
	const checks: ModelSetCheck[] = [];
	const check = async (
		subject: string,
		manifestPath: string,
		file: string | undefined,
		run: () => Promise<string> | string,
	) => {
		let c: ModelSetCheck;
		try {
			c = { subject, passed: true, detail: await run(), error: null };
		} catch (err) {
			const error =
				err instanceof ModelSetError ? err : new ModelFileCorrupt((err as Error).message, manifestPath, file);
			c = { subject, passed: false, detail: error.message, error };
		}
		checks.push(c);
		onCheck(c);
		return c.passed;
	};
	const read = manifestOrNull(dir);
	await check('manifest', manifestPathOf(dir), undefined, () => {
		const { manifest } = read ?? readManifest(dir); // throws the schema's own message
		return `schema v${manifest.schemaVersion}, "${manifest.name}", notice: ${manifest.notice ?? 'none'}`;
	});
	if (read) {
		const { manifestPath, manifest } = read;
		for (const listed of listedFiles(manifest)) {
			const absolute = path.join(path.dirname(manifestPath), listed.file);
			const intact = await check(`sha256 ${listed.file}`, manifestPath, absolute, async () => {
				if (!fs.existsSync(absolute))
					throw new ModelFileMissing('a file named in the manifest is missing', manifestPath, absolute);
				const actual = await sha256Of(absolute);
				if (actual !== listed.sha256)
					throw new ModelHashMismatch(
						`sha256 mismatch: expected ${listed.sha256}, found ${actual}`,
						manifestPath,
						absolute,
					);
				return `${megabytes(fs.statSync(absolute).size)}, matches the manifest`;
			});
			const inspect = listed.inspect;
			if (intact && inspect)
				await check(`content ${listed.file}`, manifestPath, absolute, () => inspect(absolute, manifestPath));
		}
	}
	return { passed: checks.every((c) => c.passed), checks };
}
