import { z } from 'zod';
import { chexpertLabels } from '../domain/chexpert.js';
import { labelStates } from '../labeler/ReportLabels.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 as 64 lower-case hex digits');
/** Relative to the manifest's folder; never absolute, never escaping it. */
const RelativeFile = z
	.string()
	.min(1)
	.refine(
		(f) => !f.startsWith('/') && !/^[a-zA-Z]:/.test(f) && !f.split(/[\\/]/).includes('..'),
		'a path inside the model folder',
	);

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
	/**
	 * RaDialog-LLaVA's loader: values cast to 8 bits after the min-max rescale (truncated, numpy's
	 * astype(uint8)) and resized as an 8-bit image (rounded to whole values, as PIL does).
	 */
	uint8: z.boolean().optional(),
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
	/** Conversation variant (src/common/radialog/chatTemplates.ts): `llava_vicuna_v1` for RaDialog-LLaVA. */
	chatTemplate: z.enum(['vicuna_v1.1', 'llava_vicuna_v1']),
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

/** A report labeler head's classes, by the state each output index means (CheXbert's "Blank" is not_mentioned). */
const HeadClass = z.enum(labelStates);

/**
 * A BERT-style report labeler exported to ONNX (CheXbert: BERT-base, one classification head per
 * observation). The graph takes token ids and an attention mask and returns one logits tensor per head;
 * every name, size and class order lives here, so another export layout needs no code change.
 */
export const ReportLabelerModel = ModelFile.extend({
	format: z.literal('onnx'),
	/** Shown with every result instead of "rules", e.g. "CheXbert (Smit et al. 2020)". */
	name: z.string().min(1),
	tokenizer: z.object({
		/**
		 * BERT WordPiece: basic tokenization (whitespace and punctuation), then greedy longest-match pieces
		 * with `##` continuations.
		 */
		kind: z.literal('wordpiece'),
		/** vocab.txt, one token per line, the line number is the token id (bert-base-uncased's for CheXbert). */
		vocab: ModelFile,
		/**
		 * - `true`: uncased models (CheXbert, bert-base-uncased): text is lower-cased and accents are stripped
		 * - `false`: cased models: text is used as written
		 */
		lowercase: z.boolean(),
		/**
		 * Longest token sequence the model takes, [CLS] and [SEP] included (512 for CheXbert). Longer reports
		 * keep their first `maxTokens - 1` tokens and end with [SEP], as CheXbert's own tokenization does.
		 */
		maxTokens: z.number().int().min(3),
	}),
	/**
	 * Graph input names. Both are fed as [batch, tokens] in the integer type the graph declares
	 * (int64 for a torch export).
	 */
	inputs: z.object({
		/** Token ids: [CLS] report [SEP], then [PAD] up to the batch's longest report. */
		inputIds: z.string().default('input_ids'),
		/** 1 over the report's tokens, 0 over padding. */
		attentionMask: z.string().default('attention_mask'),
		/** Only for graphs that take segment ids (a plain BERT export does; CheXbert's does not): fed all zeros. */
		tokenTypeIds: z.string().optional(),
	}),
	/**
	 * One entry per head, each a graph output of shape [batch, classes.length] holding logits; the largest
	 * logit wins (as in CheXbert's argmax). Every CheXpert observation appears exactly once.
	 */
	heads: z
		.array(
			z.object({
				/** The graph output that holds this head's logits. */
				output: z.string(),
				label: z.enum(chexpertLabels),
				/**
				 * The state each logit index stands for. CheXbert:
				 * `["not_mentioned", "positive", "negative", "uncertain"]` for the 13 findings and
				 * `["not_mentioned", "positive"]` for No Finding.
				 */
				classes: z.array(HeadClass).min(2),
			}),
		)
		.refine(
			(heads) => chexpertLabels.every((l) => heads.filter((h) => h.label === l).length === 1),
			'one head per CheXpert observation, each exactly once',
		),
});
export type ReportLabelerModel = z.infer<typeof ReportLabelerModel>;

export const ModelManifest = z
	.object({
		schemaVersion: z.literal(1),
		name: z.string(),
		description: z.string(),
		/** Shown wherever this set's output appears (UI, CLI, every export); null for validated clinical models. */
		notice: z.string().nullable(),
		/** Which release the set reproduces; absent in older manifests (the demo set). */
		variant: z.enum(['demo', 'radialog', 'radialog-llava']).optional(),
		vision: z.object({ encoder: VisionEncoder, classifier: Classifier }),
		llm: LanguageModel,
		/** Optional: a report labeler model (e.g. CheXbert as ONNX) replacing the rule-based one. */
		labeler: ReportLabelerModel.optional(),
	})
	.refine((m) => m.vision.encoder.output.shape.at(-2) === m.llm.imagePlaceholderTokenIds.length, {
		message: 'the vision encoder must produce one embedding per image placeholder token',
	})
	.refine((m) => m.vision.encoder.output.shape.at(-1) === m.llm.embeddingLength, {
		message: "the vision encoder's embedding width must equal the LLM's",
	});
export type ModelManifest = z.infer<typeof ModelManifest>;
