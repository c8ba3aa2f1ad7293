/** A worklist query's filters as SQL over worklist_rows w, and what the plans need to know of them. */
export interface WorklistWhere {
	/** The date filters, on worklist_rows w. */
	readonly sql: string[];
	/** The status filter as one condition (null: every status). */
	readonly status: string | null;
	readonly statuses: number;
	readonly params: Record<string, unknown>;
	/** The FTS5 query, when searching. */
	readonly match: string | null;
	/** The folded typed words, when searching. */
	readonly words: string[];
	/** A search or date filter: its size decides between walking the sort's index and sorting the matches. */
	readonly narrowing: boolean;
}
