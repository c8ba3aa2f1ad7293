import type { Priority } from '../../../src/common/api/worklistContract.js';

/** Reading priorities in the order a reader escalates them, with the words the worklist and banner show. */
export const priorityLabel: Record<Priority, string> = { routine: 'Routine', urgent: 'Urgent', stat: 'STAT' };
