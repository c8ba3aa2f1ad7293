import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getLlama, type LlamaContextSequence, type LlamaModel, type Token } from 'node-llama-cpp';
import type { ModelSet } from '../loadModelSet.js';
import { writeEmbeddingAdapter } from './embeddingAdapter.js';
import { inspectLanguageModel } from './inspectLanguageModel.js';

/**
 * Plain node-llama-cpp with nothing of the project around it: the baseline the bench measures the
 * project's overhead against. Same model, adapter, context size and threads; tokens in, greedy tokens out.
 */
export class RawLlamaBaseline {
	private constructor(
		private readonly model: LlamaModel,
		private readonly sequence: LlamaContextSequence,
	) {}

	static async open(
		set: ModelSet,
		o: { threads: number; gpu: 'auto' | false; embeddings: Float32Array },
	): Promise<RawLlamaBaseline> {
		const facts = await inspectLanguageModel(set);
		const llama = await getLlama({ gpu: o.gpu, build: 'never' });
		const model = await llama.loadModel({
			modelPath: set.paths.llm,
			gpuLayers: llama.gpu === false ? 0 : set.manifest.llm.gpuLayers,
		});
		const adapter = path.join(os.tmpdir(), `radialog-bench-adapter-${process.pid}.gguf`);
		writeEmbeddingAdapter(adapter, {
			architecture: facts.architecture,
			vocabularySize: facts.vocabularySize,
			embeddingLength: facts.embeddingLength,
			placeholderIds: set.manifest.llm.imagePlaceholderTokenIds,
			vectors: o.embeddings,
			originalRows: facts.placeholderRows,
		});
		const m = set.manifest.llm;
		const context = await model.createContext({
			contextSize: Math.min(m.contextSize, model.trainContextSize),
			threads: o.threads,
			sequences: 1,
			lora: {
				adapters: [
					{ filePath: adapter, scale: 1 },
					...set.paths.loraAdapters.map((filePath, i) => ({ filePath, scale: m.loraAdapters[i]!.scale })),
				],
			},
		});
		fs.rmSync(adapter, { force: true });
		return new RawLlamaBaseline(model, context.getSequence());
	}

	async generate(
		tokens: readonly number[],
		maxTokens: number,
	): Promise<{ tokens: Token[]; timeToFirstTokenMs: number; totalMs: number }> {
		await this.sequence.clearHistory();
		const start = performance.now();
		let first = 0;
		const out: Token[] = [];
		for await (const t of this.sequence.evaluate(tokens as Token[], { temperature: 0 })) {
			if (!out.length) first = performance.now() - start;
			out.push(t);
			if (out.length >= maxTokens) break;
		}
		this.model.detokenize(out);
		return { tokens: out, timeToFirstTokenMs: first, totalMs: performance.now() - start };
	}

	async close(): Promise<void> {
		await this.model.dispose();
	}
}
