import type { PriorStudy } from '../../common/api/priorsContract.js';
import type { CurrentStudy } from './CurrentStudy.js';

/** A study one finder found, before the service adds the report text. */
export type FoundStudy = Omit<PriorStudy, 'report'>;

/**
 * One place the patient's other studies are looked for: the local store, later a PACS (C-FIND by
 * Patient ID and issuer). A finder returns the patient's studies other than the current one, in any order.
 */
export interface PriorStudyFinder {
	/** Where it looks, named for the reader's note when it fails ("PACS"); absent for the local store. */
	readonly place?: string;
	find(current: CurrentStudy): Promise<FoundStudy[]>;
}
