import fs from 'node:fs';
import path from 'node:path';
import {
	getLlama,
	InsufficientMemoryError,
	LlamaLogLevel,
	type Llama,
	type LlamaContext,
	type LlamaContextSequence,
	type LlamaModel,
	type Token,
} from 'node-llama-cpp';
import { chatTemplates } from '../../../common/radialog/chatTemplates.js';
import type { ModelPlacement } from '../../../common/radialog/ModelEvent.js';
import { fulfilledValues } from '../fulfilledValues.js';
import type { ModelSet } from '../loadModelSet.js';
import { ModelFileCorrupt } from '../modelErrors.js';
import { writeEmbeddingAdapter } from './embeddingAdapter.js';
import { inspectLanguageModel, type LanguageModelFacts } from './inspectLanguageModel.js';
import { tokenizePrompt } from './tokenizePrompt.js';

export interface LlamaOptions {
	readonly threads: number;
	/** 'auto': CUDA/Vulkan/Metal when a prebuilt binary and device exist, else CPU. */
	readonly gpu: 'auto' | false;
	/** Folder for the per-image adapter files (deleted once loaded). */
	readonly workDir: string;
	/**
	 * llama.cpp keeps every loaded adapter until the model is freed, so the model is reloaded after this
	 * many images (memory stays bounded; a reload is fast from the page cache).
	 */
	readonly recycleAfterImages?: number;
	readonly onNotice?: (text: string) => void;
	readonly onLoadProgress?: (fraction: number) => void;
}

export interface GenerateOptions {
	readonly maxTokens: number;
	/** The new text as it streams; without it nothing is decoded until the end. */
	readonly onToken?: (text: string, tokensPerSecond: number | null) => void;
	/** Every generated token's count, without decoding any text (progress displays). */
	readonly onProgress?: (tokens: number, tokensPerSecond: number | null) => void;
	readonly signal?: { readonly aborted: boolean };
}

export interface Generation {
	readonly text: string;
	readonly tokens: Token[];
	readonly stoppedBy: 'eos' | 'maxTokens' | 'cancelled';
	readonly timeToFirstTokenMs: number | null;
}

/** The LLM of a model set, with the current image's embeddings carried by a token_embd adapter. */
export class LlamaReportModel {
	private model: LlamaModel | null = null;
	private context: LlamaContext | null = null;
	private sequence: LlamaContextSequence | null = null;
	private imageKey: string | null = null;
	private imagesSinceLoad = 0;
	private adapterCounter = 0;
	private gpuLayers: 'auto' | number;

	private constructor(
		private readonly set: ModelSet,
		private readonly llama: Llama,
		private readonly facts: LanguageModelFacts,
		private readonly options: LlamaOptions,
	) {
		this.gpuLayers = llama.gpu === false ? 0 : set.manifest.llm.gpuLayers;
	}

	static async open(set: ModelSet, options: LlamaOptions): Promise<LlamaReportModel> {
		// llama.cpp's start (a binary test in a child process) runs while the GGUF header is read and checked.
		const starting = getLlama({
			gpu: options.gpu,
			build: 'never',
			logLevel: LlamaLogLevel.error,
			progressLogs: false,
		});
		const inspection = inspectLanguageModel(set);
		// A model file that does not fit is the clearer error of the two, so it comes first.
		const [facts, llama] = fulfilledValues(await Promise.allSettled([inspection, starting]));
		const m = new LlamaReportModel(set, llama, facts, options);
		fs.mkdirSync(options.workDir, { recursive: true });
		await m.loadModel();
		return m;
	}

	get gpu(): string | false {
		return this.llama.gpu;
	}

	/** The GPU back end and the layers llama.cpp offloaded to it, of the model's total. */
	get placement(): ModelPlacement {
		return {
			gpu: this.llama.gpu || null,
			offloadedLayers: this.model?.gpuLayers ?? 0,
			totalLayers: this.model?.fileInsights.totalLayers ?? 0,
		};
	}

	private async loadModel(): Promise<LlamaModel> {
		const load = (gpuLayers: 'auto' | number) =>
			this.llama.loadModel({
				modelPath: this.set.paths.llm,
				gpuLayers,
				onLoadProgress: this.options.onLoadProgress,
			});
		try {
			this.model = await load(this.gpuLayers);
		} catch (err) {
			if (this.gpuLayers !== 0 && (err instanceof InsufficientMemoryError || this.llama.gpu !== false)) {
				this.options.onNotice?.(
					`The language model does not fit the GPU (${(err as Error).message}); running it on the CPU.`,
				);
				this.gpuLayers = 0;
				this.model = await load(0);
			} else {
				throw new ModelFileCorrupt(
					`llama.cpp could not load the model: ${(err as Error).message}`,
					this.set.manifestPath,
					this.set.paths.llm,
				);
			}
		}
		this.imagesSinceLoad = 0;
		return this.model;
	}

	/** Makes `key`'s embeddings the ones the placeholder ids carry (a fresh context with a fresh adapter). */
	async useImage(key: string, embeddings: Float32Array): Promise<void> {
		if (key === this.imageKey && this.sequence) return;
		await this.context?.dispose();
		this.context = null;
		this.sequence = null;
		this.imageKey = null;
		if (this.imagesSinceLoad >= (this.options.recycleAfterImages ?? 8)) {
			await this.model?.dispose();
			await this.loadModel();
		}
		const model = this.model ?? (await this.loadModel());
		const m = this.set.manifest.llm;
		// A new path per image: node-llama-cpp caches adapters by path for the model's lifetime.
		const adapterFile = path.join(this.options.workDir, `image-${process.pid}-${++this.adapterCounter}.gguf`);
		writeEmbeddingAdapter(adapterFile, {
			architecture: this.facts.architecture,
			vocabularySize: this.facts.vocabularySize,
			embeddingLength: this.facts.embeddingLength,
			placeholderIds: m.imagePlaceholderTokenIds,
			vectors: embeddings,
			originalRows: this.facts.placeholderRows,
		});
		try {
			this.context = await model.createContext({
				contextSize: Math.min(m.contextSize, model.trainContextSize),
				threads: this.options.threads,
				sequences: 1,
				lora: {
					adapters: [
						{ filePath: adapterFile, scale: 1 },
						...this.set.paths.loraAdapters.map((filePath, i) => ({
							filePath,
							scale: m.loraAdapters[i]!.scale,
						})),
					],
				},
			});
		} finally {
			fs.rmSync(adapterFile, { force: true });
		}
		this.sequence = this.context.getSequence();
		this.imageKey = key;
		this.imagesSinceLoad++;
	}

	/** Prompt text → tokens by the rule in vicunaPrompt.ts (BOS, text, placeholder ids, EOS). */
	tokenizePrompt(prompt: string): Token[] {
		const m = this.set.manifest.llm;
		return tokenizePrompt(this.model!, prompt, m.imagePlaceholderTokenIds, chatTemplates[m.chatTemplate].segments);
	}

	/** Drops the evaluated prefix, so the next prompt is evaluated in full (the bench compares like with like). */
	async forgetEvaluatedPrefix(): Promise<void> {
		await this.sequence?.clearHistory();
	}

	/** Greedy generation after `prompt`, reusing the evaluated prefix of the previous turn of this image. */
	async generate(prompt: string, o: GenerateOptions): Promise<Generation> {
		const seq = this.sequence;
		const model = this.model;
		if (!seq || !model) throw new Error('useImage() must come before generate()');
		const tokens = this.tokenizePrompt(prompt);
		if (tokens.length + o.maxTokens > seq.contextSize)
			throw new RangeError(
				`the conversation (${tokens.length} tokens) leaves no room for an answer ` +
					`in the ${seq.contextSize}-token context`,
			);
		const have = seq.contextTokens;
		let common = 0;
		while (common < have.length && common < tokens.length - 1 && have[common] === tokens[common]) common++;
		if (common < have.length) await seq.eraseContextTokenRanges([{ start: common, end: have.length }]);
		const start = performance.now();
		let firstAt: number | null = null;
		const out: Token[] = [];
		// Streaming decodes only the new tokens (with a few before them for SentencePiece spacing); tokens
		// that end inside a UTF-8 character wait for the next one.
		let pending = 0;
		let emittedAny = false;
		// evaluate() ends on its own at an end-of-generation token (yieldEogToken defaults to false).
		let stoppedBy: Generation['stoppedBy'] = 'eos';
		if (o.signal?.aborted) return { text: '', tokens: [], stoppedBy: 'cancelled', timeToFirstTokenMs: null };
		const { onToken, onProgress } = o;
		const rate = (now: number) =>
			out.length > 1 && now > firstAt! ? ((out.length - 1) * 1000) / (now - firstAt!) : null;
		for await (const token of seq.evaluate(tokens.slice(common), { temperature: 0 })) {
			firstAt ??= performance.now();
			if (model.isEogToken(token)) break;
			out.push(token);
			pending++;
			if (onProgress) onProgress(out.length, rate(performance.now()));
			if (onToken) {
				const from = out.length - pending;
				let chunk = model.detokenize(out.slice(from), false, out.slice(Math.max(0, from - 4), from));
				if (!chunk.endsWith('\uFFFD')) {
					if (!emittedAny) chunk = chunk.replace(/^\s+/, '');
					pending = 0;
					if (chunk) {
						emittedAny = true;
						onToken(chunk, rate(performance.now()));
					}
				}
			}
			if (o.signal?.aborted) {
				stoppedBy = 'cancelled';
				break;
			}
			if (out.length >= o.maxTokens) {
				stoppedBy = 'maxTokens';
				break;
			}
		}
		return {
			text: model.detokenize(out).trim(),
			tokens: out,
			stoppedBy,
			timeToFirstTokenMs: firstAt === null ? null : firstAt - start,
		};
	}

	async close(): Promise<void> {
		await this.context?.dispose();
		await this.model?.dispose();
		this.context = null;
		this.model = null;
		this.sequence = null;
	}
}
