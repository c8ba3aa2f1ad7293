import { searchSignatureMask } from '../../common/domain/searchSignature.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import { searchWords } from './searchWords.js';

/** How far the walk has gone; one walk runs at a time (SQLite calls back synchronously). */
const walk = { steps: 0, limit: Infinity };

/** The walk read more studies than a sort of the matches would have cost. */
export class SearchWalkTooLong extends Error {
	constructor() {
		super('The search walk passed its limit; the matches are sorted instead.');
	}
}

/**
 * A search checked study by study while a sort's index is walked, for a search most studies match: the
 * study's folded text (the search table's own copy) is looked at only where every typed word occurs in it
 * somewhere (instr), then split into words as the index splits it (searchWords). Stops with
 * SearchWalkTooLong after `limit` studies, so a rare match at the far end of the sort falls back to the
 * index's list of matches.
 */
export class SearchWalk {
	private readonly parsed = new Map<string, string[][]>();

	constructor(db: SqliteDatabase) {
		db.function('worklist_search_hit', { deterministic: true }, (text: unknown, words: unknown) =>
			typeof text === 'string' && searchWords.hit(text, this.words(String(words))) ? 1 : 0,
		);
		db.function('worklist_walk_step', () => {
			if (++walk.steps > walk.limit) throw new SearchWalkTooLong();
			return 1;
		});
	}

	/**
	 * The condition on study `w`, and its parameters. The row's search signature comes first: it is in every
	 * sort's index, so a study it rules out costs no read of its text. `counted` counts towards the walk's
	 * limit each text read and one in 64 studies passed (by id: a sample, so a walk that the signature lets
	 * through cheaply still ends, for about a twentieth of a text read each).
	 */
	condition(typed: readonly string[], counted: boolean): { sql: string; params: Record<string, string | bigint> } {
		const words = searchWords.tokens(typed);
		const params: Record<string, string | bigint> = {
			words: JSON.stringify(words),
			signature: BigInt(searchSignatureMask(words)),
		};
		const near = words.map((w, i) => {
			params[`needle${i}`] = w.reduce((a, b) => (b.length > a.length ? b : a));
			return `instr(c0, @needle${i})`;
		});
		const when = [...(counted ? ['worklist_walk_step()'] : []), ...near].join(' AND ');
		const passed = counted ? '((w.study_id & 63) OR worklist_walk_step()) AND ' : '';
		return {
			sql: `(${passed}(w.search_sig & @signature) = @signature AND (SELECT CASE WHEN ${when}
				THEN worklist_search_hit(c0, @words) ELSE 0 END FROM worklist_search_content WHERE id = w.study_id))`,
			params,
		};
	}

	/** Runs `query` with the walk limited to `limit` studies. */
	limited<T>(limit: number, query: () => T): T {
		walk.steps = 0;
		walk.limit = limit;
		try {
			return query();
		} finally {
			walk.limit = Infinity;
		}
	}

	private words(json: string): string[][] {
		let w = this.parsed.get(json);
		if (!w) {
			if (this.parsed.size > 100) this.parsed.clear();
			w = JSON.parse(json) as string[][];
			this.parsed.set(json, w);
		}
		return w;
	}
}
