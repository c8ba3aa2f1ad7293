import { worklistBackfill } from './migrations/012_worklist_scale.js';
import { foldedKeyColumns, keyColumns } from './migrations/017_worklist_orders.js';
import { signatureOf } from './migrations/018_search_signature.js';

/**
 * Fills worklist_rows and worklist_search for the studies `where` selects (alias s) as the current triggers
 * would: migration 12's statements, with the folded name and ID keys of migration 17 and the search
 * signature of migration 18. For seeding in bulk with the triggers set aside, and for checking that the
 * triggers kept every row as a fresh fill would.
 */
export function worklistRowsBackfill(where: string): string {
	// Folded as written, as the triggers do: a row written raw and then folded would widen the arrival bounds
	// (migration 19) with its raw keys too.
	return `${worklistBackfill(where).replaceAll(keyColumns, foldedKeyColumns)}${signatureOf(where)}`;
}
