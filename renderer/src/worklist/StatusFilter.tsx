import type { StudyStatus } from '../../../src/common/api/worklistContract.js';
import { statuses, statusLabel } from './worklistColumns.js';

/** One toggle per reading status; none pressed shows every study. */
export function StatusFilter({
	selected,
	onToggle,
}: {
	selected: readonly StudyStatus[];
	onToggle: (status: StudyStatus) => void;
}) {
	return (
		<div className="wl-status-filter" role="group" aria-label="Filter by status">
			{statuses.map((s) => (
				<button
					key={s}
					aria-pressed={selected.includes(s)}
					className={selected.includes(s) ? 'on' : ''}
					data-testid={`filter-${s}`}
					onClick={() => onToggle(s)}
				>
					{statusLabel[s]}
				</button>
			))}
		</div>
	);
}
