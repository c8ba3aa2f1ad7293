/** How one page walks a sort's index: its column, direction, comparison, ORDER BY, page size and start. */
export interface IndexWalk {
	readonly col: string;
	readonly dir: string;
	readonly cmp: string;
	readonly order: string;
	readonly n: number;
	readonly offset: number;
	/** The page starts after a row (@key, @id) rather than at an offset. */
	readonly place: boolean;
}

/**
 * The index that reads worklist_rows in the order of `col` (then study id), optionally after the status.
 * Arrival order (study_id) is the table's own order: NOT INDEXED keeps SQLite on it (rowid seeks still
 * apply) instead of, say, a date range's index followed by a sort.
 */
export function sortIndex(col: string, byStatus: boolean): string {
	if (col === 'study_id' && !byStatus) return 'NOT INDEXED';
	return `INDEXED BY worklist_by_${byStatus ? 'status_' : ''}${col}`;
}

/**
 * The sort's index (key, id), walked in order, `filters` checked on the way (INDEXED BY: SQLite's
 * estimates cannot see how many match); with a status filter (`statuses` values, not on the status sort),
 * one index range per status (status, key, id), merged. After a row, each range is split in two seeks, the
 * row's ties with a later id and the later keys: a single (key, id) > (?, ?) seeks on the key alone and
 * would walk every tie (99 % of studies share a body part). The literal LIMIT and OFFSET (validated
 * integers) let the planner see the page is small.
 */
export function indexWalkSql(
	status: string | null,
	statuses: number,
	statusSort: boolean,
	filters: readonly string[],
	w: IndexWalk,
): string {
	const { col, dir, cmp, order, n, offset } = w;
	const perStatus = status && !statusSort;
	const ranges = perStatus
		? Array.from({ length: statuses }, (_, i) => ({
				index: sortIndex(col, true),
				status: `w.status = @status${i}`,
			}))
		: [{ index: sortIndex(col, false), status }];
	const branch = (r: (typeof ranges)[number], extra: string[], by: string, tail: string) => {
		const all = [...filters, ...(r.status ? [r.status] : []), ...extra];
		return `SELECT * FROM (SELECT w.study_id AS id, w.${col} AS k FROM worklist_rows w ${r.index}
			${all.length ? `WHERE ${all.join(' AND ')}` : ''} ${by} ${tail})`;
	};
	const tail = w.place ? `LIMIT ${n}` : `LIMIT ${n + offset}`;
	const branches = ranges.flatMap((r) =>
		w.place && col === 'study_id'
			? [branch(r, [`w.study_id ${cmp} @id`], order, tail)]
			: w.place
				? [
						branch(r, [`w.${col} = @key`, `w.study_id ${cmp} @id`], `ORDER BY w.study_id ${dir}`, tail),
						branch(r, [`w.${col} ${cmp} @key`], order, tail),
					]
				: [branch(r, [], order, tail)],
	);
	return branches.length === 1 && !w.place
		? branch(ranges[0]!, [], order, `LIMIT ${n} OFFSET ${offset}`)
		: `SELECT id, k FROM (${branches.join(' UNION ALL ')}) ORDER BY k ${dir}, id ${dir}
			LIMIT ${n} OFFSET ${w.place ? 0 : offset}`;
}
