import { z } from 'zod';
import { chexpertLabels } from '../domain/chexpert.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 as 64 lower-case hex digits');
/** Relative to the manifest's folder; never absolute, never escaping it. */
const RelativeFile = z.string().min(1).refine((f) => !f.startsWith('/') && !/^[a-zA-Z]:/.test(f) && !f.split(/[\\/]/).includes('..'), 'a path inside the model folder');

/** How a decoded DICOM frame becomes a model input tensor. Numbers live here, not in code. */
export const Preprocessing = z.object({
	/** minmax: stored values rescaled to 0..255 from the frame's own min and max (the reference). */
	rescale: z.literal('minmax'),
	/** MONOCHROME1 images are inverted first, so bone is always bright. */
	invertMonochrome1: z.boolean().default(true),
	resizeShortSide: z.number().int().positive(),
	centerCrop: z.number().int().positive(),
	/** Final value range after scaling 0..255 down: [0, 1] in the reference. */
	valueRange: z.tuple([z.number(), z.number()]),
	/** Grayscale repeated to this many channels (3 for ResNet-style encoders). */
	channels: z.union([z.literal(1), z.literal(3)]),
	/** Optional per-channel mean/std; the reference uses none. */
	mean: z.array(z.number()).optional(),
	std: z.array(z.number()).optional(),
});
export type Preprocessing = z.infer<typeof Preprocessing>;

const TensorSpec = z.object({
	name: z.string(),
	/** -1 for a dynamic dimension (batch). */
	shape: z.array(z.number().int()),
});

const ModelFile = z.object({ file: RelativeFile, sha256: Sha256 });

export const VisionEncoder = ModelFile.extend({
	format: z.literal('onnx'),
	/** Image encoder + alignment module (Q-Former) + projection, exported as one graph. */
	input: TensorSpec,
	/** [batch, queryTokens, n_embd]: the embeddings that replace the image placeholders. */
	output: TensorSpec,
	preprocessing: Preprocessing,
});

export const Classifier = ModelFile.extend({
	format: z.literal('onnx'),
	input: TensorSpec,
	/** [batch, labels.length] */
	output: TensorSpec,
	/** What the output holds: probabilities already, or logits that need a sigmoid. */
	outputKind: z.enum(['probabilities', 'logits']),
	preprocessing: Preprocessing,
	labels: z.array(z.enum(chexpertLabels)).min(1),
	/** One threshold per label: probability >= threshold is positive. */
	thresholds: z.array(z.number().min(0).max(1)),
}).refine((c) => c.thresholds.length === c.labels.length, 'one threshold per label');

export const LanguageModel = ModelFile.extend({
	format: z.literal('gguf'),
	/** LoRA adapters applied on load (GGUF adapters), e.g. RaDialog's r=8 q/v adapter. */
	loraAdapters: z.array(ModelFile.extend({ scale: z.number().default(1) })).default([]),
	chatTemplate: z.literal('vicuna_v1.1'),
	systemPrompt: z.string(),
	contextSize: z.number().int().positive(),
	/** 'auto' offloads as many layers as the GPU fits; 0 keeps everything on the CPU. */
	gpuLayers: z.union([z.literal('auto'), z.number().int().min(0)]),
	/** Width of the token embedding; must equal the vision encoder's last output dimension. */
	embeddingLength: z.number().int().positive(),
	/**
	 * Distinct token ids whose embeddings are replaced by the image embeddings, in order.
	 * They must be ids ordinary text never tokenizes to (added or reserved tokens).
	 */
	imagePlaceholderTokenIds: z.array(z.number().int().min(0)).min(1),
});

export const ModelManifest = z.object({
	schemaVersion: z.literal(1),
	name: z.string(),
	description: z.string(),
	/** Shown wherever this set's output appears (UI, CLI, every export); null for validated clinical models. */
	notice: z.string().nullable(),
	vision: z.object({ encoder: VisionEncoder, classifier: Classifier }),
	llm: LanguageModel,
	/** Optional: a report labeler model (e.g. CheXbert as ONNX) replacing the rule-based one. */
	labeler: ModelFile.extend({ format: z.literal('onnx') }).optional(),
}).refine((m) => m.vision.encoder.output.shape.at(-2) === m.llm.imagePlaceholderTokenIds.length, {
	message: 'the vision encoder must produce one embedding per image placeholder token',
}).refine((m) => m.vision.encoder.output.shape.at(-1) === m.llm.embeddingLength, {
	message: "the vision encoder's embedding width must equal the LLM's",
});
export type ModelManifest = z.infer<typeof ModelManifest>;
