import type { z } from 'zod';
import type { WorklistItem, WorklistPage, WorklistQuery } from '../../common/api/worklistContract.js';
import { ApiError } from '../../common/api/errors.js';
import { patientAgeAtStudy } from '../../common/domain/patientAgeAtStudy.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import { indexWalkSql } from './indexWalkSql.js';
import { searchMatch } from './searchMatch.js';
import { SearchPages, type SearchPageLimits } from './SearchPages.js';
import { searchWords } from './searchWords.js';
import { SearchWalk } from './SearchWalk.js';
import { worklistCursor } from './worklistCursor.js';
import type { WorklistWhere as Where } from './WorklistWhere.js';

type Query = z.infer<typeof WorklistQuery>;
type Filter = Omit<Query, 'offset' | 'limit' | 'after' | 'before'>;

/**
 * The worklist_rows column (migration 12) each sort reads, each indexed as (column, study_id); "imported" is
 * arrival order, the study id (migration 17).
 */
const sortColumns: Record<Query['sort'], string> = {
	imported: 'study_id',
	patientName: 'patient_name',
	patientId: 'patient_id',
	age: 'age',
	studyDate: 'study_date',
	modality: 'modality',
	bodyPart: 'body_part',
	views: 'views',
	imageCount: 'image_count',
	status: 'status',
	priority: 'priority',
};

interface Row {
	k: string | number;
	id: number;
	study_instance_uid: string;
	name: string;
	person_name: string | null;
	birth_date: string | null;
	patient_id: string;
	patient_age: string | null;
	sex: string | null;
	study_date: string | null;
	modality: string | null;
	body_part: string | null;
	views: string;
	image_count: number;
	status: WorklistItem['status'];
	priority: WorklistItem['priority'];
	description: string | null;
}

/**
 * Reads the worklist from worklist_rows: a page is an index range (keyset: after or before a row's sort key
 * and id), whatever the sort, so the millionth row comes as fast as the first.
 */
export class WorklistQueries {
	/** Statements by their SQL: a sort, filter and side give a handful of shapes, compiled once each. */
	private readonly statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
	private readonly walk: SearchWalk;
	private readonly search: SearchPages;

	/**
	 * @param countCap a search or date filter counts this far and no further ("10,000+ studies" is as useful
	 * as the exact number); past it the sort's index is walked instead of sorting the matches.
	 * @param limits how far each plan of a large search goes (SearchPages).
	 */
	constructor(
		private readonly db: SqliteDatabase,
		private readonly countCap = 10_000,
		limits: SearchPageLimits = {
			walk: 2_000,
			matchSet: 300_000,
			values: 200,
			nameOthers: 1_000,
			keyRange: 100_000,
		},
	) {
		this.walk = new SearchWalk(db);
		this.search = new SearchPages((sql) => this.prepare(sql), this.walk, limits);
	}

	private prepare(sql: string): ReturnType<SqliteDatabase['prepare']> {
		let s = this.statements.get(sql);
		if (!s) {
			if (this.statements.size > 500) this.statements.clear();
			s = this.db.prepare(sql);
			this.statements.set(sql, s);
		}
		return s;
	}

	/**
	 * The study before or after `studyId` in the worklist as the reader has it sorted and filtered, so
	 * "next study" in the viewer follows the list on screen. Null at either end or when not in the list.
	 */
	adjacent(studyId: number, q: Filter, direction: 'next' | 'previous'): number | null {
		const where = this.where(q);
		const col = sortColumns[q.sort];
		const check = where.match ? this.walk.condition(where.words, false) : null;
		const here = this.prepare(
			`SELECT w.${col} AS k FROM worklist_rows w WHERE ${[
				'w.study_id = @studyId',
				...where.sql,
				...(where.status ? [where.status] : []),
				...(check ? [check.sql] : []),
			].join(' AND ')}`,
		).get({ ...where.params, ...check?.params, studyId }) as { k: string | number } | undefined;
		if (!here) return null;
		const wide = !where.narrowing || this.count(q, where).atLeast;
		const side = direction === 'next' ? 'after' : 'before';
		const ids = this.pageIds(q, where, { key: here.k, id: studyId }, side, 1, 0, wide);
		return ids[0]?.id ?? null;
	}

	list(q: Query): WorklistPage {
		if (q.after && q.before) throw new ApiError('bad_request', 'A worklist page is either after or before a row.');
		if ((q.after || q.before) && q.offset)
			throw new ApiError('bad_request', 'A worklist page starts at a row or at an offset, not both.');
		const where = this.where(q);
		const { total, atLeast } = this.count(q, where);
		const cursor = q.after ?? q.before;
		const place = cursor ? worklistCursor.decode(q.sort, cursor) : null;
		const side = q.before ? 'before' : 'after';
		const ids = this.pageIds(q, where, place, side, q.limit, place ? 0 : q.offset, atLeast);
		return {
			total,
			offset: place ? -1 : q.offset,
			...(atLeast ? { totalAtLeast: true } : {}),
			items: this.rows(ids, sortColumns[q.sort]).map((r) => ({
				...item(r),
				cursor: worklistCursor.encode(q.sort, { key: r.k, id: r.id }),
			})),
		};
	}

	private where(q: Filter): Where {
		const sql: string[] = [];
		const params: Record<string, unknown> = {};
		const match = q.search?.trim() ? searchMatch(q.search) : null;
		if (match) params.match = match;
		const statuses = q.status ?? [];
		statuses.forEach((s, i) => {
			params[`status${i}`] = s;
		});
		if (q.dateFrom) {
			sql.push('w.study_date >= @dateFrom');
			params.dateFrom = q.dateFrom;
		}
		if (q.dateTo) {
			// '' is a study without a date: never inside a date range.
			sql.push("w.study_date <= @dateTo AND w.study_date > ''");
			params.dateTo = q.dateTo;
		}
		return {
			sql,
			status: statuses.length ? `w.status IN (${statuses.map((_, i) => `@status${i}`).join(',')})` : null,
			statuses: statuses.length,
			params,
			match,
			words: match ? searchWords.typed(q.search!) : [],
			narrowing: !!(match || q.dateFrom || q.dateTo),
		};
	}

	/** Per status from worklist_counts; a search or date filter counts its matches, up to countCap. */
	private count(q: Filter, where: Where): { total: number; atLeast: boolean } {
		if (!where.narrowing) {
			const statuses = q.status?.length ? q.status : null;
			const sum = this.prepare(
				'SELECT ifnull(sum(studies), 0) FROM worklist_counts' +
					(statuses ? ` WHERE status IN (${statuses.map(() => '?').join(',')})` : ''),
			)
				.pluck()
				.get(...(statuses ?? [])) as number;
			return { total: sum, atLeast: false };
		}
		// A search alone counts in the search index; with other filters each match is looked up.
		const sql =
			where.match && !where.sql.length && !where.status
				? 'SELECT rowid FROM worklist_search WHERE worklist_search MATCH @match'
				: this.matchesFirst(q, where, [], '');
		const n = this.prepare(`SELECT count(*) FROM (${sql} LIMIT ${this.countCap + 1})`)
			.pluck()
			.get(where.params) as number;
		return n > this.countCap ? { total: this.countCap, atLeast: true } : { total: n, atLeast: false };
	}

	/** The matches of a narrow search or date range first (the search index streams them), then sorted. */
	private matchesFirst(q: Filter, where: Where, extra: string[], order: string): string {
		const col = sortColumns[q.sort];
		const conditions = [
			...(where.match ? ['worklist_search MATCH @match'] : []),
			...where.sql,
			...(where.status ? [where.status] : []),
			...extra,
		];
		// Without a search, the date range's index: SQLite, without statistics, would rather walk the sort's.
		const source = where.match
			? 'worklist_search CROSS JOIN worklist_rows w ON w.study_id = worklist_search.rowid'
			: `worklist_rows w INDEXED BY worklist_by_${where.status ? 'status_' : ''}study_date`;
		return `SELECT w.study_id AS id, w.${col} AS k FROM ${source} WHERE ${conditions.join(' AND ')} ${order}`;
	}

	/**
	 * The ids of one page in display order. A search in arrival, name or ID order: that order's own plan
	 * (SearchPages), unless the name or ID plan declines. A narrow search or date range (fewer than countCap
	 * matches): the matches, sorted. No search: the sort's index walked in order (indexWalkSql). A large
	 * search: SearchPages again.
	 */
	private pageIds(
		q: Filter,
		where: Where,
		place: { key: string | number; id: number } | null,
		side: 'after' | 'before',
		limit: number,
		offset: number,
		wide: boolean,
	): { id: number }[] {
		const col = sortColumns[q.sort];
		const asc = (q.direction === 'asc') !== (side === 'before');
		const dir = asc ? 'ASC' : 'DESC';
		const cmp = asc ? '>' : '<';
		const n = Math.trunc(limit);
		const order = `ORDER BY w.${col} ${dir}, w.study_id ${dir}`;
		const params = place ? { ...where.params, key: place.key, id: place.id } : where.params;
		const sorted = () => {
			const keyset = place ? [`(w.${col}, w.study_id) ${cmp} (@key, @id)`] : [];
			const sql = this.matchesFirst(q, where, keyset, `${order} LIMIT ${n} OFFSET ${Math.trunc(offset)}`);
			return this.prepare(sql).all(params) as { id: number }[];
		};
		const walk = { col, dir, cmp, order, n, offset: Math.trunc(offset), place: !!place };
		const own = where.match ? this.search.orderedPage(where, walk, params) : null;
		let ids: { id: number }[];
		if (own) ids = own;
		else if (where.narrowing && !wide) ids = sorted();
		else if (!where.match)
			ids = this.prepare(indexWalkSql(where.status, where.statuses, q.sort === 'status', where.sql, walk)).all(
				params,
			) as { id: number }[];
		else ids = this.search.page(where, q.sort === 'status', place, walk, params, sorted);
		return side === 'before' ? ids.reverse() : ids;
	}

	/** The columns of the page's studies, in the order of `ids`. */
	private rows(ids: { id: number }[], col: string): Row[] {
		if (!ids.length) return [];
		return this.prepare(
			`SELECT s.id, s.study_instance_uid, p.name, p.person_name, p.birth_date, p.patient_id, s.patient_age, p.sex,
				s.study_date, s.modality, s.body_part, s.status, s.priority, s.description, w.views, w.image_count,
				w.${col} AS k
				FROM json_each(@ids) j CROSS JOIN studies s ON s.id = j.value
				CROSS JOIN patients p ON p.id = s.patient_ref
				CROSS JOIN worklist_rows w ON w.study_id = s.id ORDER BY j.key`,
		).all({ ids: JSON.stringify(ids.map((r) => r.id)) }) as Row[];
	}

	/** The local studies among these Study Instance UIDs, with their patient ID (a PACS search marks them local). */
	studiesByUid(uids: readonly string[]): { studyInstanceUid: string; studyId: number; patientId: string }[] {
		return this.prepare(
			`SELECT s.study_instance_uid AS studyInstanceUid, s.id AS studyId, p.patient_id AS patientId
				FROM json_each(@uids) j CROSS JOIN studies s ON s.study_instance_uid = j.value
				CROSS JOIN patients p ON p.id = s.patient_ref`,
		).all({ uids: JSON.stringify(uids) }) as { studyInstanceUid: string; studyId: number; patientId: string }[];
	}
}

function item(r: Row): WorklistItem {
	return {
		studyId: r.id,
		studyInstanceUid: r.study_instance_uid,
		patientName: r.name,
		patientPersonName: r.person_name,
		patientId: r.patient_id,
		patientAge: patientAgeAtStudy(r.birth_date, r.study_date, r.patient_age),
		patientSex: r.sex,
		studyDate: r.study_date,
		modality: r.modality,
		bodyPart: r.body_part,
		views: r.views ? r.views.split(',').filter(Boolean) : [],
		imageCount: r.image_count,
		status: r.status,
		priority: r.priority,
		description: r.description,
	};
}
