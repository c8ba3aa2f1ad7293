import { z } from 'zod';

/** Pushed from the backend to every open window: long work reports progress instead of going quiet. */
export const ProgressEvent = z.object({
	type: z.literal('progress'),
	/** Stable id of the job, so the UI can update one bar rather than add many. An opaque key: never parsed. */
	jobId: z.string(),
	/** What kind of work this is, set by the server, so the UI never reads meaning out of the job id. */
	task: z.enum(['import', 'receive', 'models', 'labeler', 'draft', 'retrieve', 'send']),
	/** What is being done, in words for the reader: "Loading models", "Importing 12 files". */
	label: z.string(),
	/** 0..1, or null when the amount of work is unknown. */
	fraction: z.number().min(0).max(1).nullable(),
	done: z.boolean(),
	error: z.string().nullable().default(null),
	studyId: z.number().int().nullable().default(null),
});

export const WorklistChangedEvent = z.object({
	type: z.literal('worklist.changed'),
	studyIds: z.array(z.number().int()),
});

/** Which model call a token stream belongs to: the draft, a correction, or an answer in the conversation. */
export const TokenStream = z.enum(['draft', 'correct', 'ask']);
export type TokenStream = z.infer<typeof TokenStream>;

export const TokenEvent = z.object({
	type: z.literal('tokens'),
	/** An opaque key of one model call: tokens with the same id join one text. */
	jobId: z.string(),
	stream: TokenStream,
	studyId: z.number().int().nullable(),
	text: z.string(),
	tokensPerSecond: z.number().nullable(),
});

/** Where the loaded language model runs, for the status bar: its layers on the GPU (none on the CPU). */
export const ModelDeviceEvent = z.object({
	type: z.literal('models.device'),
	/** llama.cpp's GPU back end ("cuda", "vulkan", "metal"), or null on the CPU. */
	gpu: z.string().nullable(),
	offloadedLayers: z.number().int().min(0),
	totalLayers: z.number().int().min(0),
});

/** The outbox changed: how many reports wait to be delivered and how many need attention. */
export const OutboxChangedEvent = z.object({
	type: z.literal('outbox.changed'),
	waiting: z.number().int().min(0),
	attention: z.number().int().min(0),
});

export const ApiEvent = z.discriminatedUnion('type', [
	ProgressEvent,
	WorklistChangedEvent,
	TokenEvent,
	ModelDeviceEvent,
	OutboxChangedEvent,
]);
export type ApiEvent = z.infer<typeof ApiEvent>;
