import type { OutboxSummary } from '../../common/api/outboxContract.js';

export type DestinationKind = 'pacs' | 'ris';
export type OutboxState = 'waiting' | 'delivered' | 'attention';

/** One report on its way to one destination, as the outbox keeps it. */
export interface OutboxRecord {
	readonly id: number;
	readonly studyId: number;
	readonly reportId: number;
	/** 0 for the signature, n for the nth addendum. */
	readonly revision: number;
	readonly kind: DestinationKind;
	/** The PACS's settings id; 'mllp' for the RIS. */
	readonly destinationId: string;
	/** The SR's own UIDs (PACS items), fixed when queued so a retry sends the same instance. */
	readonly seriesUid: string | null;
	readonly instanceUid: string | null;
	/** MSH-10 (RIS items), fixed when queued so a retry sends the same message. */
	readonly controlId: string | null;
	/** The earlier SR of the same report this one supersedes. */
	readonly predecessor: { readonly series: string; readonly instance: string } | null;
	readonly state: OutboxState;
	readonly attempts: number;
	readonly lastError: string | null;
	readonly nextTryAt: string;
	readonly queuedAt: string;
	readonly deliveredAt: string | null;
}

export type NewOutboxRecord = Omit<OutboxRecord, 'id' | 'state' | 'attempts' | 'lastError' | 'deliveredAt'>;

/** Where the outbox keeps its items (SQLite in the app); written in the caller's transaction. */
export interface OutboxStore {
	/** Ignored where the same report revision is already queued for the destination. */
	add(item: NewOutboxRecord): void;
	/** The last SR queued for the report to the destination before `revision`, to supersede. */
	earlierSr(reportId: number, revision: number, destinationId: string): OutboxRecord | null;
	/** Waiting items whose time has come, oldest first, each only once its earlier revisions are delivered. */
	due(now: string): OutboxRecord[];
	/** When the next waiting item is due (not counting those behind an undelivered one); null for none. */
	nextTryAt(): string | null;
	delivered(id: number, at: string): void;
	/** Counts an attempt that failed; a waiting item is tried again at `nextTryAt`. */
	failed(id: number, state: 'waiting' | 'attention', error: string, nextTryAt: string): void;
	/** Puts an item off without trying it (its destination just failed for another item). */
	postpone(id: number, error: string, nextTryAt: string): void;
	item(id: number): OutboxRecord | null;
	/** Back to waiting, due at `now`; false for a delivered item. */
	retryNow(id: number, now: string): boolean;
	/** Every undelivered item and the most recent deliveries, newest first. */
	recent(limit: number): OutboxRecord[];
	summary(): OutboxSummary;
}
