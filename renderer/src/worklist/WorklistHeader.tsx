import { columns, type SortKey } from './worklistColumns.js';

/** The column headers: each a button that sorts by it, the current sort marked for the eye and for aria. */
export function WorklistHeader({
	sort,
	direction,
	onSort,
}: {
	sort: SortKey;
	direction: 'asc' | 'desc';
	onSort: (key: SortKey) => void;
}) {
	return (
		<div className="wl-row wl-head" role="row">
			{columns.map((c) => (
				<div
					key={c.label}
					role="columnheader"
					className={`wl-cell ${c.className ?? ''}`}
					aria-sort={c.sort && sort === c.sort ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
				>
					<button className="wl-sort" onClick={() => onSort(c.sort)} data-testid={`sort-${c.sort}`}>
						{c.label}
						{sort === c.sort ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
					</button>
				</div>
			))}
		</div>
	);
}
