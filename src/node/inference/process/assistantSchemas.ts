import { z } from 'zod';
import { chexpertLabels, type ChexpertLabel } from '../../../common/domain/chexpert.js';
import type { DecodedImage } from '../../../common/domain/DecodedImage.js';
import type { ModelEvent } from '../../../common/radialog/ModelEvent.js';
import type {
	AssistantImage,
	AssistantRequest,
	ChatTurn,
	FindingPrediction,
	GeneratedText,
} from '../../../common/radialog/ReportAssistant.js';

// Each schema is annotated with the app's own type, so the two cannot drift apart unnoticed.
const finding: z.ZodType<ChexpertLabel> = z.enum(chexpertLabels);

// Pixels travel as structured clones and may come from a WASM codec (a Uint8ClampedArray), so the
// check reads the typed array's kind rather than `instanceof`, which also depends on the realm.
const pixelArrayKinds = new Set([
	'Float32Array',
	'Int16Array',
	'Uint16Array',
	'Uint8Array',
	'Uint8ClampedArray',
	'Int32Array',
]);
const pixels = z.custom<DecodedImage['pixels']>(
	(v) => ArrayBuffer.isView(v) && pixelArrayKinds.has(Object.prototype.toString.call(v).slice(8, -1)),
	{ message: 'expected a typed array of pixels' },
);

const decodedImage: z.ZodType<DecodedImage> = z.object({
	rows: z.number().int().positive(),
	columns: z.number().int().positive(),
	samplesPerPixel: z.union([z.literal(1), z.literal(3)]),
	photometricInterpretation: z.string(),
	pixels,
	minValue: z.number(),
	maxValue: z.number(),
	windowCenter: z.number().nullable(),
	windowWidth: z.number().nullable(),
	rescaleSlope: z.number(),
	rescaleIntercept: z.number(),
	pixelSpacing: z.tuple([z.number(), z.number()]).nullable(),
	voiLut: z
		.object({ firstValueMapped: z.number(), bitsPerEntry: z.number(), data: z.array(z.number()) })
		.nullable()
		.optional(),
	numberOfFrames: z.number().int().positive().optional(),
});

const image: z.ZodType<AssistantImage> = z.object({ key: z.string(), image: decodedImage });

const chatTurn: z.ZodType<ChatTurn> = z.object({ role: z.enum(['user', 'assistant']), text: z.string() });

const request: z.ZodType<AssistantRequest> = z.discriminatedUnion('task', [
	z.object({ task: z.literal('FQA_complete') }),
	z.object({ task: z.literal('FQA_binary'), pathology: z.string() }),
	z.object({ task: z.literal('RE'), pathology: z.string() }),
	z.object({ task: z.literal('RQA'), region: z.string(), question: z.string() }),
	z.object({ task: z.literal('EL') }),
	z.object({ task: z.literal('SU') }),
	z.object({ task: z.literal('CO'), add: z.array(finding), remove: z.array(finding) }),
	z.object({ task: z.literal('free'), text: z.string() }),
]);

const findingPrediction: z.ZodType<FindingPrediction> = z.object({
	label: finding,
	probability: z.number().min(0).max(1),
	positive: z.boolean(),
});

// z.object drops keys it does not name: the engine's `generation` (its tokens) stays in the model process.
const generatedText: z.ZodType<GeneratedText> = z.object({
	text: z.string(),
	tokenCount: z.number().int().nonnegative(),
	prompt: z.string(),
	stoppedBy: z.enum(['eos', 'maxTokens', 'cancelled']),
});

const event: z.ZodType<ModelEvent> = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('loading'),
		stage: z.enum(['verifying', 'vision', 'language-model']),
		fraction: z.number(),
	}),
	z.object({
		type: z.literal('ready'),
		notice: z.string().nullable(),
		device: z.string(),
		placement: z
			.object({
				gpu: z.string().nullable(),
				offloadedLayers: z.number().int().min(0),
				totalLayers: z.number().int().min(0),
			})
			.optional(),
	}),
	z.object({ type: z.literal('encoding') }),
	z.object({ type: z.literal('classifying') }),
	z.object({ type: z.literal('generating'), tokens: z.number(), tokensPerSecond: z.number().nullable() }),
	z.object({ type: z.literal('notice'), text: z.string() }),
	z.object({ type: z.literal('crashed'), message: z.string() }),
]);

/** The report assistant's values as zod schemas, for checking them where they cross the process boundary. */
export const assistantSchemas = { finding, image, chatTurn, request, findingPrediction, generatedText, event };
