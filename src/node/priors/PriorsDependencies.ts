import type { CurrentStudySource } from './CurrentStudySource.js';
import type { PriorReportSource } from './PriorReportSource.js';
import type { PriorStudyFinder } from './PriorStudyFinder.js';

/** What PatientPriors is built from: each part named for its role, passed in by priorsModule or a test. */
export interface PriorsDependencies {
	readonly studies: CurrentStudySource;
	/** Where other studies are looked for; a study two finders know is listed once, the first finder's. */
	readonly finders: readonly PriorStudyFinder[];
	readonly reports: PriorReportSource;
	/** How long a finder may take before the list goes without it (a slow PACS); 5 s when omitted. */
	readonly finderTimeoutMs?: number;
}
