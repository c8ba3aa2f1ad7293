import { getLlama, LlamaLogLevel, type LlamaContextSequence, type LlamaModel } from 'node-llama-cpp';

/**
 * Plain greedy text generation with any GGUF model (no image, no conversation format): the teacher LLM
 * of the instruct-dataset builder. Lives here because node-llama-cpp has this one home folder.
 */
export class GgufTextGenerator {
	private constructor(
		private readonly model: LlamaModel,
		private readonly sequence: LlamaContextSequence,
	) {}

	static async open(
		modelPath: string,
		o: { threads?: number; contextSize?: number; gpu?: 'auto' | false } = {},
	): Promise<GgufTextGenerator> {
		const llama = await getLlama({
			gpu: o.gpu ?? 'auto',
			build: 'never',
			logLevel: LlamaLogLevel.error,
			progressLogs: false,
		});
		const model = await llama.loadModel({ modelPath });
		const context = await model.createContext({
			contextSize: Math.min(o.contextSize ?? 4096, model.trainContextSize),
			...(o.threads ? { threads: o.threads } : {}),
			sequences: 1,
		});
		return new GgufTextGenerator(model, context.getSequence());
	}

	async generate(prompt: string, maxTokens: number): Promise<string> {
		await this.sequence.clearHistory();
		const tokens = this.model.tokenize(prompt);
		if (this.model.tokens.bos !== null) tokens.unshift(this.model.tokens.bos);
		const out = [];
		for await (const t of this.sequence.evaluate(tokens, { temperature: 0 })) {
			if (t === this.model.tokens.eos || out.length >= maxTokens) break;
			out.push(t);
		}
		return this.model.detokenize(out);
	}

	async close(): Promise<void> {
		await this.model.dispose();
	}
}
