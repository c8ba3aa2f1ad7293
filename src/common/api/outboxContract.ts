import { z } from 'zod';

/** Where a signed report goes: a PACS (as a DICOM SR) or the RIS (as HL7 ORU^R01 over MLLP). */
export const OutboxDestinationKind = z.enum(['pacs', 'ris']);

/**
 * One report on its way to one destination. `waiting`: not yet acknowledged, tried again at `nextTryAt`;
 * `attention`: the destination refused it, it waits for someone to fix the cause and press Retry now.
 */
export const OutboxItem = z.object({
	id: z.number().int(),
	studyId: z.number().int(),
	/** Readable patient name and accession, for the reader to recognise the study. */
	patientName: z.string(),
	accessionNumber: z.string().nullable(),
	/** 0 for the signed report, n for its nth addendum. */
	revision: z.number().int().min(0),
	kind: OutboxDestinationKind,
	/** The destination as the reader knows it: the PACS's name, or "RIS (host:port)". */
	destination: z.string(),
	state: z.enum(['waiting', 'delivered', 'attention']),
	attempts: z.number().int().min(0),
	lastError: z.string().nullable(),
	/** ISO 8601; when a waiting item is tried next. */
	nextTryAt: z.string().nullable(),
	queuedAt: z.string(),
	deliveredAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxSummary = z.object({
	waiting: z.number().int().min(0),
	attention: z.number().int().min(0),
});
export type OutboxSummary = z.infer<typeof OutboxSummary>;

/** What is not yet delivered, then the most recent deliveries, newest first. */
export const OutboxList = OutboxSummary.extend({ items: z.array(OutboxItem) });
export type OutboxList = z.infer<typeof OutboxList>;

export const outboxContract = {
	'outbox.list': { input: z.object({}).strict(), output: OutboxList },
	/** Tries an item again now: a waiting one before its time, a refused one after its cause was fixed. */
	'outbox.retry': { input: z.object({ itemId: z.number().int() }).strict(), output: OutboxList },
} as const;
