import { searchWordCharacters } from '../../common/domain/searchWordCharacters.js';
import { arrivalRunBits, boundedSortColumns } from '../store/migrations/019_arrival_bounds.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import { indexWalkSql, sortIndex, type IndexWalk } from './indexWalkSql.js';
import { SearchWalk, SearchWalkTooLong } from './SearchWalk.js';
import type { WorklistWhere } from './WorklistWhere.js';

type Statement = ReturnType<SqliteDatabase['prepare']>;
type Place = { key: string | number; id: number } | null;
type Row = { id: number; k: string | number };

/** A typed word that the search index reads as one word (no punctuation inside). */
const oneWord = new RegExp(`^[${searchWordCharacters}]+$`, 'u');

/**
 * The keys that start with `word`: from the word to the word and U+10FFFF, a noncharacter no name holds,
 * so every key starting with the word sorts at or before it.
 */
function startingWith(word: string): { from: string; to: string } {
	return { from: word, to: `${word}\u{10FFFF}` };
}

/** The keys starting with @from (to @to), after the page's place (@key) when it has one. */
function keyRange(w: IndexWalk): string {
	const k = `w.${w.col}`;
	if (!w.place) return `${k} >= @from AND ${k} <= @to`;
	return w.cmp === '>' ? `${k} >= max(@from, @key) AND ${k} <= @to` : `${k} >= @from AND ${k} <= min(@to, @key)`;
}

/** Sorts with a handful of values (DICOM codes, counts, states): each value's studies are a run by id. */
const fewValues = new Set(['modality', 'body_part', 'views', 'image_count', 'status', 'priority']);

/**
 * How far each plan goes before the next takes over.
 * - `walk`: studies checked one by one (about 2 µs each at a million studies) before the walk gives way;
 * - `matchSet`: a search matching at most this many studies is then read once as a set (about 0.1 µs a
 *   match) and the sort's index walked against it (about 0.1 µs a study); past it the matches are dense
 *   and the one-by-one walk goes on;
 * - `values`: values of a few-valued sort visited before the walk gives way;
 * - `nameOthers`: in name order, studies matched other than by the name's first word, sorted one by one
 *   (about 2 µs each) before the name plan gives way;
 * - `keyRange`: in ID order, IDs starting with the typed word counted (about 0.03 µs each) before the ID
 *   plan gives way.
 */
export interface SearchPageLimits {
	readonly walk: number;
	readonly matchSet: number;
	readonly values: number;
	readonly nameOthers: number;
	readonly keyRange: number;
}

/**
 * One page of a search. Arrival, name and ID order know where their matches lie (orderedPage). In the other
 * orders, a search that matches many studies (more than the worklist counts; fewer are sorted whole) costs
 * what its matches' place in the sort makes it cost, so the plans are tried cheapest first (page):
 * 1. the sort's index walked, each study's kept text checked (SearchWalk), only between the first and the
 *    last study the search matches; in a few-valued sort, one seek per value to that span, so studies
 *    outside it are never read (a search for recent accessions sorted by body part);
 * 2. past `walk` studies (the matches lie far along the sort, or thin out where the walk started), the
 *    matches read once as a set and the index walked against it; or, when the matches lie close together
 *    by id (a quarter of the studies between the first and the last), each looked up and sorted;
 * 3. a search too common for a set walks on study by study: its matches are everywhere.
 */
export class SearchPages {
	constructor(
		private readonly prepare: (sql: string) => Statement,
		private readonly walk: SearchWalk,
		private readonly limits: SearchPageLimits,
	) {}

	/**
	 * A page from the plan of arrival, name or ID order, which know where their matches lie; null in another
	 * order or when the name or ID plan declines.
	 */
	orderedPage(where: WorklistWhere, w: IndexWalk, params: Record<string, unknown>): { id: number }[] | null {
		if (w.col === 'study_id') return this.arrivalPage(where, w, params);
		if (w.col === 'patient_name') return this.namePage(where, w, params);
		if (w.col === 'patient_id') return this.idPage(where, w, params);
		return null;
	}

	/**
	 * Arrival order is the search index's own order (its rowid is the study id): the matches are read from
	 * the page's start and each looked up for the other filters until the page is full.
	 */
	private arrivalPage(where: WorklistWhere, w: IndexWalk, params: Record<string, unknown>): { id: number }[] {
		const conditions = [
			'worklist_search MATCH @match',
			...where.sql,
			...(where.status ? [where.status] : []),
			...(w.place ? [`worklist_search.rowid ${w.cmp} @id`] : []),
		];
		return this.prepare(
			`SELECT w.study_id AS id FROM worklist_search CROSS JOIN worklist_rows w
				ON w.study_id = worklist_search.rowid WHERE ${conditions.join(' AND ')}
				ORDER BY worklist_search.rowid ${w.dir} LIMIT ${w.n} OFFSET ${w.place ? 0 : w.offset}`,
		).all(params) as { id: number }[];
	}

	/**
	 * A search in name order, by where its first word `w` matches. The studies whose name starts with `w` are
	 * one range of the name index (its key is the folded name from its first word, worklist_text_key), so
	 * they are walked from a seek; the others are those the search index does not find with `w` as the
	 * text's first word (`NOT ^w`), sorted, plus those with no word in the name (their text starts with
	 * another field), walked. Null (another plan) when `w` is not a single word for the index, more than
	 * `nameOthers` studies match elsewhere, or a walk passes its limit (more typed words that rarely meet).
	 */
	private namePage(where: WorklistWhere, w: IndexWalk, params: Record<string, unknown>): Row[] | null {
		const first = where.words[0] ?? '';
		if (!oneWord.test(first)) return null;
		const need = w.n + (w.place ? 0 : w.offset);
		const others = { ...params, others: `(${where.match}) NOT ^"${first}"*` };
		const cap = Math.trunc(this.limits.nameOthers);
		const counted = `SELECT count(*) FROM (SELECT rowid FROM worklist_search WHERE worklist_search MATCH @others
			LIMIT ${cap + 1})`;
		if ((this.prepare(counted).pluck().get(others) as number) > cap) return null;
		const keyset = w.place ? [`(w.patient_name, w.study_id) ${w.cmp} (@key, @id)`] : [];
		const filters = [...where.sql, ...(where.status ? [where.status] : []), ...keyset].map((f) => `AND ${f}`);
		const elsewhere = this.prepare(
			`SELECT w.study_id AS id, w.patient_name AS k FROM worklist_search CROSS JOIN worklist_rows w
				ON w.study_id = worklist_search.rowid WHERE worklist_search MATCH @others ${filters.join(' ')}
				ORDER BY w.patient_name ${w.dir}, w.study_id ${w.dir} LIMIT ${need}`,
		).all(others) as Row[];
		const check = this.walk.condition(where.words, true);
		// Each part's first `need` studies: the page is cut from their merge.
		const whole = { ...w, n: need, offset: 0 };
		const walked = (part: string) =>
			this.prepare(indexWalkSql(where.status, where.statuses, false, [part, ...where.sql, check.sql], whole)).all(
				{
					...params,
					...check.params,
					...startingWith(first),
				},
			) as Row[];
		let named: Row[];
		try {
			named = this.walk.limited(this.limits.walk, () => [
				...walked(keyRange(w)),
				...walked("w.patient_name = ''"),
			]);
		} catch (e) {
			if (e instanceof SearchWalkTooLong) return null;
			throw e;
		}
		const seen = new Set<number>();
		const sign = w.dir === 'ASC' ? 1 : -1;
		return [...elsewhere, ...named]
			.filter((r) => !seen.has(r.id) && seen.add(r.id))
			.sort((a, b) => sign * (Buffer.compare(Buffer.from(String(a.k)), Buffer.from(String(b.k))) || a.id - b.id))
			.slice(w.place ? 0 : w.offset, need);
	}

	/**
	 * A one-word search in patient ID order: the studies whose ID starts with the word are one range of the
	 * ID index (worklist_text_key), all of them matches. When the search index counts no more matches than
	 * the range holds, the range is the whole answer, walked from a seek. Null otherwise (the word occurs
	 * elsewhere too, or the range holds more than `keyRange` studies).
	 */
	private idPage(where: WorklistWhere, w: IndexWalk, params: Record<string, unknown>): Row[] | null {
		const word = where.words.length === 1 ? where.words[0]! : '';
		if (!oneWord.test(word)) return null;
		const cap = Math.trunc(this.limits.keyRange);
		const inRange = this.prepare(
			`SELECT count(*) FROM (SELECT 1 FROM worklist_rows w ${sortIndex('patient_id', false)}
				WHERE w.patient_id >= @from AND w.patient_id <= @to LIMIT ${cap + 1})`,
		)
			.pluck()
			.get(startingWith(word)) as number;
		if (inRange > cap || this.matches(where.params.match, inRange) !== inRange) return null;
		return this.prepare(indexWalkSql(where.status, where.statuses, false, [keyRange(w), ...where.sql], w)).all({
			...params,
			...startingWith(word),
		}) as Row[];
	}

	page(
		where: WorklistWhere,
		statusSort: boolean,
		place: Place,
		w: IndexWalk,
		params: Record<string, unknown>,
		sorted: () => { id: number }[],
	): { id: number }[] {
		const span = this.span(where.params.match);
		const bound = this.keyBound(w, span);
		const check = this.walk.condition(where.words, true);
		const filters = [...where.sql, 'w.study_id BETWEEN @low AND @high', ...bound.sql];
		const checked = { ...params, ...check.params, ...span, ...bound.params };
		const walked = (limit: number) =>
			this.walk.limited(limit, () =>
				fewValues.has(w.col)
					? this.valueByValue(where, place, w, [...filters, check.sql], checked, limit)
					: (this.prepare(
							indexWalkSql(where.status, where.statuses, statusSort, [...filters, check.sql], w),
						).all(checked) as { id: number }[]),
			);
		try {
			return walked(this.limits.walk);
		} catch (e) {
			if (!(e instanceof SearchWalkTooLong)) throw e;
		}
		const matches = this.matches(where.params.match, this.limits.matchSet);
		if (matches > this.limits.matchSet) return walked(Infinity);
		// Matches close together by id (one patient's, one day's): looking each up reads neighbouring rows.
		if (matches * 4 >= span.high - span.low + 1) return sorted();
		const inSet = 'w.study_id IN (SELECT rowid FROM worklist_search WHERE worklist_search MATCH @match)';
		return this.prepare(indexWalkSql(where.status, where.statuses, statusSort, [...filters, inSet], w)).all({
			...params,
			...span,
			...bound.params,
		}) as { id: number }[];
	}

	/**
	 * Where the matches' keys start in a walked sort (arrival bounds, migration 19): no match arrived outside
	 * the span, so none has a key below the least key of the span's runs of arrivals (above the greatest,
	 * walking down), and the walk starts there with a seek. None after a row: the page's place is past it.
	 */
	private keyBound(w: IndexWalk, span: { low: number; high: number }): { sql: string[]; params: object } {
		if (w.place || !(boundedSortColumns as readonly string[]).includes(w.col)) return { sql: [], params: {} };
		const up = w.dir === 'ASC';
		const [most, end] = up ? ['min', 'low'] : ['max', 'high'];
		// Runs wholly inside the span by their summary; the two at its edges by their rows inside it (at most
		// 2 × 256, read by id), since studies just outside, such as the next arrivals, may hold far keys.
		const bits = arrivalRunBits;
		const edge = (from: string, to: string) =>
			`SELECT ${most}(w.${w.col}) FROM worklist_rows w NOT INDEXED WHERE w.study_id BETWEEN ${from} AND ${to}`;
		const bound: unknown = this.prepare(
			`SELECT ${most}(k) FROM (SELECT ${most}(${w.col}_${end}) AS k FROM worklist_arrival_bounds
				WHERE run > @low >> ${bits} AND run < @high >> ${bits}
				UNION ALL ${edge('@low', `min(@high, (@low >> ${bits} << ${bits}) + ${2 ** bits - 1})`)}
				UNION ALL ${edge(`max(@low, @high >> ${bits} << ${bits})`, '@high')})`,
		)
			.pluck()
			.get(span);
		if (bound === null || bound === undefined) return { sql: [], params: {} };
		return { sql: [`w.${w.col} ${up ? '>=' : '<='} @bound`], params: { bound } };
	}

	/**
	 * A few-valued sort, value by value in the sort's order: within one value the index holds its studies by
	 * id, so each value is one seek to the search's span, its studies checked until the page is full.
	 */
	private valueByValue(
		where: WorklistWhere,
		place: Place,
		w: IndexWalk,
		filters: string[],
		params: Record<string, unknown>,
		limit: number,
	): { id: number }[] {
		const { col, dir, cmp } = w;
		const index = `worklist_rows w ${sortIndex(col, false)}`;
		const conditions = [...filters, ...(where.status ? [where.status] : [])].join(' AND ');
		const run = (after: boolean) =>
			this.prepare(
				`SELECT w.study_id AS id FROM ${index} WHERE w.${col} = @value
					${after ? `AND w.study_id ${cmp} @id` : ''} AND ${conditions}
					ORDER BY w.study_id ${dir} LIMIT @need`,
			);
		const next = this.prepare(
			`SELECT w.${col} FROM ${index} WHERE w.${col} ${cmp} @value ORDER BY w.${col} ${dir} LIMIT 1`,
		).pluck();
		const need = w.n + (w.place ? 0 : w.offset);
		const ids: { id: number }[] = [];
		let value: unknown = place
			? place.key
			: this.prepare(`SELECT w.${col} FROM ${index} ORDER BY w.${col} ${dir} LIMIT 1`).pluck().get();
		for (let values = 0; value !== undefined && ids.length < need; values++) {
			if (values >= this.limits.values && limit !== Infinity) throw new SearchWalkTooLong();
			const after = values === 0 && !!place;
			ids.push(...(run(after).all({ ...params, value, need: need - ids.length }) as { id: number }[]));
			value = next.get({ value });
		}
		return ids.slice(w.place ? 0 : w.offset, need);
	}

	/** The studies the search matches, counted up to `cap` + 1 in the search index. */
	private matches(match: unknown, cap: number): number {
		return this.prepare(
			`SELECT count(*) FROM (SELECT rowid FROM worklist_search WHERE worklist_search MATCH @match
				LIMIT ${Math.trunc(cap) + 1})`,
		)
			.pluck()
			.get({ match }) as number;
	}

	/** The first and last study the search matches (the search index reads both ends at once). */
	private span(match: unknown): { low: number; high: number } {
		const end = (dir: string) =>
			this.prepare(
				`SELECT rowid FROM worklist_search WHERE worklist_search MATCH @match ORDER BY rowid ${dir} LIMIT 1`,
			)
				.pluck()
				.get({ match }) as number | undefined;
		return { low: end('ASC') ?? 0, high: end('DESC') ?? 0 };
	}
}
