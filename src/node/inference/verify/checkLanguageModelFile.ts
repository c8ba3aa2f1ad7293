import { readGgufFileInfo, type GgufFileInfo } from 'node-llama-cpp';
import type { ModelManifest } from '../../../common/models/ModelManifest.js';
import { ModelFileCorrupt, ModelShapeMismatch, NotALanguageModel } from '../modelErrors.js';
import { PlaceholderTokenMissing } from './PlaceholderTokenMissing.js';
import { UnsupportedArchitecture } from './UnsupportedArchitecture.js';

async function readHeader(file: string, manifestPath: string): Promise<GgufFileInfo> {
	try {
		return await readGgufFileInfo(file, { sourceType: 'filesystem', logWarnings: false });
	} catch (err) {
		throw new ModelFileCorrupt(`not a readable GGUF file: ${(err as Error).message}`, manifestPath, file);
	}
}

interface Header {
	readonly general?: { readonly architecture?: string; readonly type?: string };
	readonly tokenizer?: {
		readonly ggml?: { readonly tokens?: readonly string[]; readonly token_type?: readonly number[] };
	};
	readonly [architecture: string]: unknown;
}

/** Token types ordinary text can tokenize to (GGUF's normal = 1 and byte = 6); a placeholder is neither. */
const NORMAL = 1;
const ordinary = new Set([NORMAL, 6]);

/**
 * The GGUF header (read by node-llama-cpp, no weights loaded): a llama-architecture language model whose
 * embedding length is the manifest's and whose vocabulary holds every placeholder id as a special token.
 */
export async function checkLanguageModelFile(
	file: string,
	manifestPath: string,
	m: ModelManifest['llm'],
): Promise<string> {
	const info = await readHeader(file, manifestPath);
	const header = info.metadata as unknown as Header;
	const architecture = header.general?.architecture;
	const type = header.general?.type ?? 'model';
	if (!architecture || type === 'adapter')
		throw new NotALanguageModel(
			`the GGUF is not a language model (architecture: ${architecture ?? 'none'}, type: ${type})`,
			manifestPath,
			file,
		);
	if (architecture !== 'llama')
		throw new UnsupportedArchitecture(
			`the GGUF's architecture is "${architecture}"; the workstation runs "llama" models`,
			manifestPath,
			file,
		);
	const facts = (header[architecture] ?? {}) as { embedding_length?: number; block_count?: number };
	const embd = info.tensorInfo?.find((t) => t.name === 'token_embd.weight');
	const width = Number(embd?.dimensions[0] ?? facts.embedding_length);
	if (facts.embedding_length !== m.embeddingLength || width !== m.embeddingLength)
		throw new ModelShapeMismatch(
			`the model's embedding length is ${facts.embedding_length ?? 'missing'} (token_embd ${width}), ` +
				`the manifest says ${m.embeddingLength}`,
			manifestPath,
			file,
		);
	const tokens = header.tokenizer?.ggml?.tokens ?? [];
	const types = header.tokenizer?.ggml?.token_type ?? [];
	for (const id of m.imagePlaceholderTokenIds) {
		if (id >= tokens.length)
			throw new PlaceholderTokenMissing(
				`placeholder id ${id} is outside the vocabulary of ${tokens.length} tokens`,
				manifestPath,
				file,
			);
		if (ordinary.has(types[id] ?? NORMAL))
			throw new PlaceholderTokenMissing(
				`placeholder id ${id} ("${tokens[id]}") is an ordinary text token: text could produce it`,
				manifestPath,
				file,
			);
	}
	const ids = m.imagePlaceholderTokenIds;
	return (
		`${architecture}, ${facts.block_count ?? '?'} layers, embedding length ${width}, ` +
		`vocabulary ${tokens.length}, ` +
		`${ids.length} placeholder tokens (${tokens[ids[0]!]}…${tokens[ids.at(-1)!]})`
	);
}

/** A LoRA adapter listed in the manifest: a readable GGUF of type adapter. */
export async function checkAdapterFile(file: string, manifestPath: string): Promise<string> {
	const header = (await readHeader(file, manifestPath)).metadata as unknown as Header;
	if (header.general?.type !== 'adapter')
		throw new ModelFileCorrupt(
			`the GGUF is not a LoRA adapter (type: ${header.general?.type ?? 'model'})`,
			manifestPath,
			file,
		);
	return `LoRA adapter for ${header.general.architecture ?? '?'}`;
}
