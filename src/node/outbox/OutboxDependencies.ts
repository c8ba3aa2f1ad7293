import type { Hl7Settings } from '../../common/api/appContract.js';
import type { PacsConnection, PacsSettings } from '../../common/api/pacsSettings.js';
import type { EventSink } from '../events/EventSink.js';
import type { SignedReportSource } from '../export/index.js';
import type { PacsClient } from '../pacs/index.js';
import type { OutboxStore } from './OutboxStore.js';
import type { RetryTiming } from './retryDelay.js';

/** Where reports go, read from the settings at each use so a change applies to the next try. */
export interface DestinationSettings {
	pacs(): PacsSettings;
	hl7(): Hl7Settings;
}

/** Which PACS a study was retrieved from; null for studies imported or received. */
export interface StudyOrigins {
	of(studyId: number): string | null;
}

/** Sends one HL7 message over MLLP and returns the raw acknowledgement. */
export interface MllpSender {
	/** `stop` ends the exchange at once (the workstation is closing); the send then rejects. */
	send(to: { host: string; port: number }, message: string, stop?: AbortSignal): Promise<string>;
}

/** What the outbox is built from: each part named for its role, passed in by outboxModule or a test. */
export interface OutboxDependencies {
	readonly store: OutboxStore;
	/** The signed report as a document, read through the reporting capability. */
	readonly reports: Pick<SignedReportSource, 'document'>;
	readonly settings: DestinationSettings;
	readonly origins: StudyOrigins;
	readonly openPacs: (connection: PacsConnection) => Pick<PacsClient, 'store' | 'close'>;
	readonly mllp: MllpSender;
	readonly events: EventSink;
	/** Runs `fn` in one database transaction (nested in the signature's where there is one). */
	transaction<T>(fn: () => T): T;
	readonly timing?: Partial<RetryTiming>;
}
