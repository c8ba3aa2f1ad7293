import { worklistBackfill } from './migrations/012_worklist_scale.js';
import { signatureOf } from './migrations/018_search_signature.js';

/**
 * Fills worklist_rows and worklist_search for the studies `where` selects (alias s) as the current triggers
 * would: migration 12's statements, then the folded name and ID keys of migration 17 and the search
 * signature of migration 18. For seeding in bulk with the triggers set aside, and for checking that the
 * triggers kept every row as a fresh fill would.
 */
export function worklistRowsBackfill(where: string): string {
	return `${worklistBackfill(where)}
UPDATE worklist_rows SET patient_name = worklist_text_key(patient_name), patient_id = worklist_text_key(patient_id)
	WHERE study_id IN (SELECT s.id FROM studies s WHERE ${where});${signatureOf(where)}`;
}
