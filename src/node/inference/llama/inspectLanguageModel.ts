import fs from 'node:fs';
import { GgmlType, readGgufFileInfo, type GgufFileInfo } from 'node-llama-cpp';
import type { ModelSet } from '../loadModelSet.js';
import { ModelFileCorrupt, ModelShapeMismatch, NotALanguageModel } from '../modelErrors.js';

export interface LanguageModelFacts {
	readonly architecture: string;
	readonly vocabularySize: number;
	readonly embeddingLength: number;
	/** [K × n_embd]: the model's own token_embd rows for the placeholder ids. */
	readonly placeholderRows: Float32Array;
}

function halfToFloat(h: number): number {
	const s = h & 0x8000 ? -1 : 1;
	const e = (h >> 10) & 0x1f;
	const f = h & 0x3ff;
	if (e === 0) return s * 2 ** -14 * (f / 1024);
	if (e === 31) return f ? NaN : s * Infinity;
	return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** One row of a token_embd tensor in the types an embedding table is usually stored in. */
function decodeRow(type: GgmlType, bytes: Buffer, n: number): Float32Array | null {
	const out = new Float32Array(n);
	switch (type) {
		case GgmlType.F32:
			for (let i = 0; i < n; i++) out[i] = bytes.readFloatLE(4 * i);
			return out;
		case GgmlType.F16:
			for (let i = 0; i < n; i++) out[i] = halfToFloat(bytes.readUInt16LE(2 * i));
			return out;
		case GgmlType.BF16:
			for (let i = 0; i < n; i++) {
				const b = Buffer.alloc(4);
				b.writeUInt32LE((bytes.readUInt16LE(2 * i) << 16) >>> 0);
				out[i] = b.readFloatLE(0);
			}
			return out;
		case GgmlType.Q8_0:
			// Blocks of 32: an f16 scale then 32 int8 values.
			for (let blk = 0; blk < n / 32; blk++) {
				const d = halfToFloat(bytes.readUInt16LE(blk * 34));
				for (let j = 0; j < 32; j++) out[blk * 32 + j] = d * bytes.readInt8(blk * 34 + 2 + j);
			}
			return out;
		default:
			return null;
	}
}

const rowBytes: Partial<Record<GgmlType, (n: number) => number>> = {
	[GgmlType.F32]: (n) => 4 * n,
	[GgmlType.F16]: (n) => 2 * n,
	[GgmlType.BF16]: (n) => 2 * n,
	[GgmlType.Q8_0]: (n) => (n / 32) * 34,
};

/** Checks the GGUF is a language model that fits the manifest and reads the placeholder rows. */
export async function inspectLanguageModel(set: ModelSet): Promise<LanguageModelFacts> {
	const file = set.paths.llm;
	let info: GgufFileInfo;
	try {
		info = await readGgufFileInfo(file, { sourceType: 'filesystem', logWarnings: false });
	} catch (err) {
		throw new ModelFileCorrupt(`not a readable GGUF file: ${(err as Error).message}`, set.manifestPath, file);
	}
	const general = info.metadata?.general as { architecture?: string; type?: string } | undefined;
	const architecture = general?.architecture;
	const embd = info.tensorInfo?.find((t) => t.name === 'token_embd.weight');
	if (!architecture || general?.type === 'adapter' || !embd || (info.tensorInfo?.length ?? 0) < 3) {
		throw new NotALanguageModel(
			`the GGUF is not a language model (architecture: ${architecture ?? 'none'}, ` +
				`type: ${general?.type ?? 'model'}, token embedding: ${embd ? 'yes' : 'no'})`,
			set.manifestPath,
			file,
		);
	}
	const embeddingLength = Number(embd.dimensions[0]);
	const vocabularySize = Number(embd.dimensions[1]);
	const m = set.manifest.llm;
	if (embeddingLength !== m.embeddingLength)
		throw new ModelShapeMismatch(
			`the model's embedding width is ${embeddingLength}, the manifest says ${m.embeddingLength}`,
			set.manifestPath,
			file,
		);
	const ids = m.imagePlaceholderTokenIds;
	if (new Set(ids).size !== ids.length)
		throw new ModelShapeMismatch('imagePlaceholderTokenIds must be distinct', set.manifestPath, file);
	const outside = ids.find((id) => id >= vocabularySize);
	if (outside !== undefined)
		throw new ModelShapeMismatch(
			`placeholder id ${outside} is outside the vocabulary of ${vocabularySize} tokens`,
			set.manifestPath,
			file,
		);
	const bytesOf = rowBytes[embd.ggmlType];
	if (!bytesOf)
		throw new ModelShapeMismatch(
			`token_embd is stored as ${GgmlType[embd.ggmlType]}; the image-embedding adapter needs ` +
				'F32, F16, BF16 or Q8_0 (requantize the embedding table)',
			set.manifestPath,
			file,
		);
	const stride = bytesOf(embeddingLength);
	const rows = new Float32Array(ids.length * embeddingLength);
	const fd = fs.openSync(file, 'r');
	try {
		ids.forEach((id, k) => {
			const buf = Buffer.alloc(stride);
			const read = fs.readSync(fd, buf, 0, stride, Number(embd.fileOffset) + id * stride);
			if (read !== stride) throw new ModelFileCorrupt('the GGUF file is truncated', set.manifestPath, file);
			rows.set(decodeRow(embd.ggmlType, buf, embeddingLength)!, k * embeddingLength);
		});
	} finally {
		fs.closeSync(fd);
	}
	return { architecture, vocabularySize, embeddingLength, placeholderRows: rows };
}
