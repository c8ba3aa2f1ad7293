import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModelManifest } from '../../common/models/ModelManifest.js';
import { ConversionInputMissing } from './conversionErrors.js';
import { llamaQuantize, llamaQuantizeTool } from './llamaQuantize.js';
import { QuantizeToolMissingError } from './QuantizeToolMissingError.js';
import { runConverterScript } from './runConverterScript.js';

export interface LlavaConversion {
	/** The downloaded Hugging Face folder of RaDialog-LLaVA. */
	readonly model: string;
	/** The base LLM folder (liuhaotian/llava-v1.5-7b). */
	readonly baseLlm: string;
	readonly out: string;
	readonly quantize?: 'q8_0' | 'q4_k_m';
	/** f32 keeps full precision (parity checks); f16 is the default. */
	readonly outtype?: 'f16' | 'f32';
	readonly notice?: string;
	readonly onLine?: (line: string) => void;
}

export const RESEARCH_NOTICE =
	'Research model (RaDialog-LLaVA), not a medical device: every draft must be checked and signed by a radiologist.';

/** LLaVA's `conv_vicuna_v1` system text as RaDialog-LLaVA sets it (reference: LLAVA/llava/conversation.py). */
const LLAVA_SYSTEM =
	'A chat between a curious user and an artificial intelligence assistant acting as an experienced radiologist. ' +
	"The assistant gives professional, detailed, and polite answers to the user's questions.";

interface Summary {
	encoder: { file: string; output: number[] };
	classifier: { file: string; output: number[]; labels: string[] };
	llm: { file: string; embeddingLength: number; imagePlaceholderTokenIds: number[]; contextSize: number };
	seconds: number;
}

async function sha256(file: string): Promise<string> {
	const h = crypto.createHash('sha256');
	for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 << 20 })) h.update(chunk as Buffer);
	return h.digest('hex');
}

/** The reference's loader for both image models: min-max to 8 bits, short side 512, centre crop, 0..1, 3 channels. */
const preprocessing = (crop: number) => ({
	rescale: 'minmax' as const,
	invertMonochrome1: true,
	resizeShortSide: 512,
	centerCrop: crop,
	valueRange: [0, 1] as [number, number],
	channels: 3 as const,
	uint8: true,
});

/** Converts RaDialog-LLaVA as downloaded into a model set folder with its manifest. Returns the manifest path. */
export async function convertRadialogLlava(o: LlavaConversion): Promise<string> {
	for (const dir of [o.model, o.baseLlm])
		if (!fs.existsSync(dir)) throw new ConversionInputMissing(`${dir} does not exist`);
	// Refused before the long conversion, not after it.
	if (o.quantize === 'q4_k_m' && !fs.existsSync(llamaQuantizeTool))
		throw new QuantizeToolMissingError(llamaQuantizeTool);
	const started = performance.now();
	const log = o.onLine ?? (() => {});
	fs.mkdirSync(o.out, { recursive: true });
	const summaryFile = path.join(os.tmpdir(), `radialog-conversion-${process.pid}-${Date.now()}.json`);
	const args = ['--model', o.model, '--base-llm', o.baseLlm, '--out', o.out, '--summary', summaryFile];
	if (o.quantize === 'q8_0') args.push('--quantize', 'q8_0');
	else args.push('--outtype', o.outtype ?? 'f16');
	await runConverterScript('convert_llava.py', args, log);
	const s = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
	fs.rmSync(summaryFile, { force: true });
	let llmFile = s.llm.file;
	if (o.quantize === 'q4_k_m') {
		const to = llmFile.replace(/\.gguf$/, '-q4_k_m.gguf');
		await llamaQuantize(path.join(o.out, llmFile), path.join(o.out, to), 'q4_k_m');
		llmFile = to;
	}
	const at = (f: string) => path.join(o.out, f);
	const manifest = ModelManifest.parse({
		schemaVersion: 1,
		name: 'RaDialog-LLaVA',
		description:
			`Converted by radialog models convert from ${path.resolve(o.model)} ` +
			`on ${path.resolve(o.baseLlm)} (${o.quantize ?? o.outtype ?? 'f16'})`,
		notice: o.notice ?? RESEARCH_NOTICE,
		variant: 'radialog-llava',
		vision: {
			encoder: {
				file: s.encoder.file,
				sha256: await sha256(at(s.encoder.file)),
				format: 'onnx',
				input: { name: 'image', shape: [-1, 3, 448, 448] },
				output: { name: 'embeddings', shape: s.encoder.output },
				preprocessing: preprocessing(448),
			},
			classifier: {
				file: s.classifier.file,
				sha256: await sha256(at(s.classifier.file)),
				format: 'onnx',
				input: { name: 'image', shape: [-1, 3, 488, 488] },
				output: { name: 'probabilities', shape: s.classifier.output },
				outputKind: 'probabilities',
				preprocessing: preprocessing(488),
				labels: s.classifier.labels,
				// The reference's demo calls a finding positive at probability > 0.5.
				thresholds: s.classifier.labels.map(() => 0.5),
			},
		},
		llm: {
			file: llmFile,
			sha256: await sha256(at(llmFile)),
			format: 'gguf',
			loraAdapters: [],
			chatTemplate: 'llava_vicuna_v1',
			systemPrompt: LLAVA_SYSTEM,
			contextSize: s.llm.contextSize,
			gpuLayers: 'auto',
			embeddingLength: s.llm.embeddingLength,
			imagePlaceholderTokenIds: s.llm.imagePlaceholderTokenIds,
		},
	});
	const manifestPath = at('manifest.json');
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');
	log(`wrote manifest.json (sha256 of ${llmFile}, ${s.encoder.file}, ${s.classifier.file})`);
	log(`conversion took ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
	return manifestPath;
}
