import type { CurrentStudySource } from './CurrentStudySource.js';
import type { PriorReportSource } from './PriorReportSource.js';
import type { PriorStudyFinder } from './PriorStudyFinder.js';

/** What PatientPriors is built from: each part named for its role, passed in by priorsModule or a test. */
export interface PriorsDependencies {
	readonly studies: CurrentStudySource;
	/** Where other studies are looked for; a study two finders know is listed once, the first finder's. */
	readonly finders: readonly PriorStudyFinder[];
	readonly reports: PriorReportSource;
}
