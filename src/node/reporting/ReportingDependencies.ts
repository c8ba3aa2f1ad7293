import type { EventSink } from '../events/EventSink.js';
import type { AuditTrail } from './AuditTrail.js';
import type { ReaderIdentity } from './ReaderIdentity.js';
import type { ReportAssistantSource } from './ReportAssistantSource.js';
import type { ReportStore } from './ReportStore.js';
import type { StudyFacts } from './StudyFacts.js';
import type { StudyImageSource } from './StudyImageSource.js';

/** What ReportingService is built from: each part named for its role, passed in by reportingModule or a test. */
export interface ReportingDependencies {
	readonly store: ReportStore;
	readonly audit: AuditTrail;
	readonly studies: StudyFacts;
	readonly events: EventSink;
	readonly reader: ReaderIdentity;
	readonly assistants: ReportAssistantSource;
	readonly images: StudyImageSource;
}
