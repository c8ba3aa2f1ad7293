import fs from 'node:fs';

/**
 * A LoRA adapter on `token_embd` that makes K placeholder token ids carry K arbitrary vectors. RaDialog
 * (arXiv 2311.18681) feeds the image to the LLM as 32 embedding vectors in place of the prompt's `<IMG>`
 * placeholder tokens; node-llama-cpp evaluates token ids, so the vectors ride on those ids' embedding
 * rows (see the README's model-stack notes). llama.cpp adds scale · B · A[token] to the looked-up row;
 * with A one-hot over the placeholder ids, B = vector − original row and alpha = K (so scale =
 * alpha / rank = 1), each placeholder's input embedding becomes its vector exactly.
 * The model's weights are untouched; other tokens get A[token] = 0, so nothing else changes.
 */
export interface EmbeddingAdapterSpec {
	readonly architecture: string;
	readonly vocabularySize: number;
	readonly embeddingLength: number;
	readonly placeholderIds: readonly number[];
	/** [K × n_embd] row-major: the image embeddings. */
	readonly vectors: Float32Array;
	/** [K × n_embd] row-major: the model's own rows for the placeholder ids. */
	readonly originalRows: Float32Array;
}

const ALIGN = 32;
const GGUF_TYPE_FLOAT32 = 6;
const GGUF_TYPE_STRING = 8;
const GGML_TYPE_F32 = 0;
const GGML_TYPE_F16 = 1;
const F16_ONE = 0x3c00;

class ByteWriter {
	private chunks: Buffer[] = [];
	length = 0;
	push(b: Buffer) {
		this.chunks.push(b);
		this.length += b.length;
	}
	u32(v: number) {
		const b = Buffer.alloc(4);
		b.writeUInt32LE(v);
		this.push(b);
	}
	u64(v: number) {
		const b = Buffer.alloc(8);
		b.writeBigUInt64LE(BigInt(v));
		this.push(b);
	}
	str(s: string) {
		const b = Buffer.from(s, 'utf8');
		this.u64(b.length);
		this.push(b);
	}
	pad() {
		const n = (ALIGN - (this.length % ALIGN)) % ALIGN;
		if (n) this.push(Buffer.alloc(n));
	}
	toBuffer() {
		return Buffer.concat(this.chunks, this.length);
	}
}

/** Builds the adapter's GGUF bytes (version 3, two f32 tensors, default 32-byte alignment). */
export function embeddingAdapterBytes(spec: EmbeddingAdapterSpec): Buffer {
	const k = spec.placeholderIds.length;
	const { vocabularySize: nVocab, embeddingLength: nEmbd } = spec;
	if (spec.vectors.length !== k * nEmbd || spec.originalRows.length !== k * nEmbd)
		throw new RangeError(`expected ${k} × ${nEmbd} values`);
	// lora_a: ggml [K, n_vocab] (K values per vocabulary row), one-hot, in f16 (0 and 1 are exact; half
	// the memory of f32, and it is the larger tensor: K × n_vocab).
	const a = new Uint16Array(k * nVocab);
	spec.placeholderIds.forEach((id, i) => {
		if (id < 0 || id >= nVocab) throw new RangeError(`placeholder id ${id} outside the vocabulary`);
		a[id * k + i] = F16_ONE;
	});
	// lora_b: ggml [K, n_embd] (K values per embedding dimension): vector minus original row.
	const b = new Float32Array(k * nEmbd);
	for (let i = 0; i < k; i++)
		for (let e = 0; e < nEmbd; e++) b[e * k + i] = spec.vectors[i * nEmbd + e]! - spec.originalRows[i * nEmbd + e]!;

	const w = new ByteWriter();
	w.push(Buffer.from('GGUF', 'ascii'));
	w.u32(3);
	w.u64(2);
	w.u64(4);
	const kvString = (key: string, value: string) => {
		w.str(key);
		w.u32(GGUF_TYPE_STRING);
		w.str(value);
	};
	kvString('general.architecture', spec.architecture);
	kvString('general.type', 'adapter');
	kvString('adapter.type', 'lora');
	w.str('adapter.lora.alpha');
	w.u32(GGUF_TYPE_FLOAT32);
	const alpha = Buffer.alloc(4);
	alpha.writeFloatLE(k);
	w.push(alpha);
	const aBytes = a.byteLength;
	const bOffset = Math.ceil(aBytes / ALIGN) * ALIGN;
	const tensorInfo = (name: string, ne0: number, ne1: number, type: number, offset: number) => {
		w.str(name);
		w.u32(2);
		w.u64(ne0);
		w.u64(ne1);
		w.u32(type);
		w.u64(offset);
	};
	tensorInfo('token_embd.weight.lora_a', k, nVocab, GGML_TYPE_F16, 0);
	tensorInfo('token_embd.weight.lora_b', k, nEmbd, GGML_TYPE_F32, bOffset);
	w.pad();
	w.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
	w.pad();
	w.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
	return w.toBuffer();
}

export function writeEmbeddingAdapter(file: string, spec: EmbeddingAdapterSpec): void {
	fs.writeFileSync(file, embeddingAdapterBytes(spec));
}
