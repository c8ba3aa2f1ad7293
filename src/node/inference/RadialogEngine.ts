import os from 'node:os';
import path from 'node:path';
import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import type { ModelEvent } from '../../common/radialog/ModelEvent.js';
import type {
	AssistantImage,
	AssistantRequest,
	ChatTurn,
	FindingPrediction,
	GeneratedText,
	StreamHandlers,
} from '../../common/radialog/ReportAssistant.js';
import { chatTemplates } from '../../common/radialog/chatTemplates.js';
import { renderFollowUpPrompt, renderRequest } from '../../common/radialog/conversation.js';
import { maxNewTokens } from '../../common/radialog/instructTemplates.js';
import { renderVicunaPrompt } from '../../common/radialog/vicunaPrompt.js';
import { LlamaReportModel, type Generation } from './llama/LlamaReportModel.js';
import { readModelSet, verifyModelFiles, type ModelSet } from './loadModelSet.js';
import { OnnxVision } from './onnx/OnnxVision.js';

export interface EngineOptions {
	readonly modelsDir: string;
	readonly threads?: number;
	readonly gpu?: 'auto' | false;
	/** Check every file's sha256 before loading (default true). */
	readonly verifyHashes?: boolean;
	readonly recycleAfterImages?: number;
	readonly onEvent?: (e: ModelEvent) => void;
}

const EMBEDDING_CACHE = 8;

/**
 * The whole RaDialog pipeline in one process: vision (ONNX) and the LLM (llama.cpp). The model process
 * hosts one of these; tests and the bench may use it directly.
 */
export class RadialogEngine {
	private readonly embeddings = new Map<string, Float32Array>();
	private readonly findings = new Map<string, FindingPrediction[]>();

	/** The LLM once loaded; until then calls that need it wait for `llmLoad`. */
	private llm: LlamaReportModel | null = null;

	private constructor(
		readonly set: ModelSet,
		private readonly vision: OnnxVision,
		private readonly llmLoad: Promise<LlamaReportModel>,
		private readonly emit: (e: ModelEvent) => void,
	) {}

	/** Opens the whole pipeline; nothing stays loaded if a part fails. */
	static async open(o: EngineOptions): Promise<RadialogEngine> {
		const { engine, ready } = await RadialogEngine.openImageModelsFirst(o);
		try {
			await ready;
		} catch (err) {
			await engine.close();
			throw err;
		}
		return engine;
	}

	/**
	 * Opens the pipeline in two steps: `engine` once the files are verified and the image models are open
	 * (findings and image embeddings can be computed), `ready` once the LLM is loaded too; a draft waits
	 * for it on its own. A one-shot command thus classifies and encodes while the LLM loads. Where `ready`
	 * rejects, the engine's calls that need the LLM fail with the same error; close it.
	 */
	static async openImageModelsFirst(o: EngineOptions): Promise<{ engine: RadialogEngine; ready: Promise<void> }> {
		const emit = o.onEvent ?? (() => {});
		const set = readModelSet(o.modelsDir);
		if (o.verifyHashes ?? true)
			await verifyModelFiles(set, (fraction) => emit({ type: 'loading', stage: 'verifying', fraction }));
		const threads = o.threads ?? Math.max(1, Math.min(8, os.availableParallelism()));
		emit({ type: 'loading', stage: 'vision', fraction: 0 });
		// The LLM starts first: llama.cpp tests its binary in a child process, and the ONNX sessions (and a
		// cold start's image decoding) get done meanwhile.
		const llmLoad = LlamaReportModel.open(set, {
			threads,
			gpu: o.gpu ?? 'auto',
			workDir: path.join(os.tmpdir(), `radialog-adapters-${process.pid}`),
			...(o.recycleAfterImages ? { recycleAfterImages: o.recycleAfterImages } : {}),
			onNotice: (text) => emit({ type: 'notice', text }),
			onLoadProgress: (fraction) => emit({ type: 'loading', stage: 'language-model', fraction }),
		});
		// Seen by the caller through `ready` or a draft; never an unhandled rejection of its own.
		llmLoad.catch(() => undefined);
		let vision: OnnxVision;
		try {
			vision = await OnnxVision.open(set, threads);
		} catch (err) {
			// A vision error is reported, as when the two loaded in turn; the LLM is freed once loaded.
			void llmLoad.then(
				(llm) => llm.close(),
				() => undefined,
			);
			throw err;
		}
		emit({ type: 'loading', stage: 'vision', fraction: 1 });
		const engine = new RadialogEngine(set, vision, llmLoad, emit);
		const ready = llmLoad.then((llm) => {
			engine.llm = llm;
			const device = llm.gpu ? `GPU (${llm.gpu})` : 'CPU';
			emit({ type: 'ready', notice: set.manifest.notice, device, placement: llm.placement });
		});
		return { engine, ready };
	}

	get notice(): string | null {
		return this.set.manifest.notice;
	}

	private remember<T>(map: Map<string, T>, key: string, value: T): T {
		map.delete(key);
		map.set(key, value);
		while (map.size > EMBEDDING_CACHE) map.delete(map.keys().next().value!);
		return value;
	}

	async predictFindings(image: AssistantImage): Promise<FindingPrediction[]> {
		const cached = this.findings.get(image.key);
		if (cached) return cached;
		this.emit({ type: 'classifying' });
		return this.remember(this.findings, image.key, await this.vision.classify(image.image));
	}

	private async embeddingsOf(image: AssistantImage): Promise<Float32Array> {
		const cached = this.embeddings.get(image.key);
		if (cached) return cached;
		this.emit({ type: 'encoding' });
		return this.remember(this.embeddings, image.key, await this.vision.encode(image.image));
	}

	private async run(
		image: AssistantImage,
		prompt: string,
		message: string,
		maxTokens: number,
		h: StreamHandlers,
	): Promise<GeneratedText & { generation: Generation }> {
		const embeddings = await this.embeddingsOf(image);
		const llm = await this.llmLoad;
		await llm.useImage(image.key, embeddings);
		// Text is decoded per token only for a caller that streams it; progress events need only the count.
		const generation = await llm.generate(prompt, {
			maxTokens,
			...(h.signal ? { signal: h.signal } : {}),
			...(h.onToken ? { onToken: (text: string, tps: number | null) => h.onToken?.(text, tps) } : {}),
			onProgress: (tokens, tps) => {
				if (tokens % 8 === 1) this.emit({ type: 'generating', tokens, tokensPerSecond: tps });
			},
		});
		return {
			text: generation.text,
			tokenCount: generation.tokens.length,
			prompt: message,
			stoppedBy: generation.stoppedBy,
			generation,
		};
	}

	/** First turn: the report from the image and the accepted findings. */
	async draftReport(input: { image: AssistantImage; findings: readonly ChexpertLabel[] }, h: StreamHandlers = {}) {
		const message = chatTemplates[this.set.manifest.llm.chatTemplate].reportGenerationMessage(input.findings);
		return this.run(
			input.image,
			renderVicunaPrompt(this.set.manifest.llm.systemPrompt, [{ user: message }]),
			message,
			maxNewTokens.RG,
			h,
		);
	}

	async followUp(
		input: {
			image: AssistantImage;
			findings: readonly ChexpertLabel[];
			report: string;
			history: readonly ChatTurn[];
			request: AssistantRequest;
		},
		h: StreamHandlers = {},
	) {
		const { message, maxTokens } = renderRequest(input.request);
		const prompt = renderFollowUpPrompt(
			this.set.manifest.llm.systemPrompt,
			input.findings,
			input.report,
			input.history,
			message,
			chatTemplates[this.set.manifest.llm.chatTemplate].reportGenerationMessage,
		);
		return this.run(input.image, prompt, message, maxTokens, h);
	}

	/** The next generation evaluates its whole prompt instead of reusing the previous turn's (for the bench). */
	async forgetEvaluatedPrefix(): Promise<void> {
		await (await this.llmLoad).forgetEvaluatedPrefix();
	}

	/** Image embeddings as the LLM receives them (cached per image key). */
	imageEmbeddings(image: AssistantImage): Promise<Float32Array> {
		return this.embeddingsOf(image);
	}

	/** The exact token ids a prompt becomes (placeholders included). */
	tokenizePrompt(prompt: string): number[] {
		if (!this.llm) throw new Error('the language model is still loading');
		return this.llm.tokenizePrompt(prompt);
	}

	/** Frees both models; an LLM still loading is freed once it has loaded. */
	async close(): Promise<void> {
		await this.vision.close();
		const llm = await this.llmLoad.catch(() => null);
		await llm?.close();
	}
}
