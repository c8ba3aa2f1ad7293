import type { Priority } from '../../../src/common/api/worklistContract.js';

/** Reading priorities in the order a reader escalates them, with the words the worklist and banner show. */
export const priorityLabel: Record<Priority, string> = { routine: 'Routine', urgent: 'Urgent', stat: 'STAT' };

/**
 * The priority one step down (routine → urgent → STAT) or up the list; the ends stay put. The arrow keys
 * on a priority select use it so they change the value the same way on every platform (a closed native
 * select opens its popup on some instead).
 */
export function stepPriority(current: Priority, key: string): Priority | null {
	const order = Object.keys(priorityLabel) as Priority[];
	const step = key === 'ArrowDown' ? 1 : key === 'ArrowUp' ? -1 : 0;
	if (!step) return null;
	return order[Math.max(0, Math.min(order.length - 1, order.indexOf(current) + step))]!;
}
