import type { z } from 'zod';
import type { WorklistItem, WorklistPage, WorklistQuery } from '../../common/api/worklistContract.js';
import { foldSearchKey } from '../../common/domain/foldSearchKey.js';
import { patientAgeAtStudy } from '../../common/domain/patientAgeAtStudy.js';
import type { SqliteDatabase } from '../store/openDatabase.js';

type Query = z.infer<typeof WorklistQuery>;

const isoDay = (c: string) => `julianday(substr(${c},1,4)||'-'||substr(${c},5,2)||'-'||substr(${c},7,2))`;
// The distinct views in name order, so the column reads and sorts the same way every time.
const viewsOf = `(SELECT group_concat(v) FROM (SELECT DISTINCT coalesce(i.view_position, se.view_position) AS v
	FROM series se JOIN instances i ON i.series_ref = se.id WHERE se.study_ref = s.id ORDER BY v))`;
const imageCountOf = `(SELECT count(*) FROM series se JOIN instances i ON i.series_ref = se.id
	WHERE se.study_ref = s.id)`;

/**
 * The ORDER BY of each column, tied by study id. Plain columns read an index (migrations 1, 4, 5, 9); age
 * (days from birth to study, else the PatientAge sent, as patientAgeAtStudy prefers), views and the image
 * count are computed per study, so those sorts scan the filtered studies.
 */
const sortColumns: Record<Query['sort'], string> = {
	imported: 's.imported_at',
	patientName: 'p.name',
	patientId: 'p.patient_id',
	age: `coalesce(${isoDay('s.study_date')} - ${isoDay('p.birth_date')},
		CASE WHEN s.patient_age GLOB '[0-9][0-9][0-9][DWMY]' THEN CAST(substr(s.patient_age,1,3) AS INTEGER) *
			CASE substr(s.patient_age,4,1) WHEN 'Y' THEN 365.25 WHEN 'M' THEN 30.44 WHEN 'W' THEN 7 ELSE 1 END END)`,
	studyDate: 's.study_date',
	modality: 's.modality',
	bodyPart: 's.body_part',
	views: viewsOf,
	imageCount: imageCountOf,
	status: 's.status',
	priority: `CASE s.priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END`,
};
/** Sorts that need the patient row; name and ID walk the patients' index (CROSS JOIN fixes that order). */
const patientSorts = new Set<Query['sort']>(['patientName', 'patientId', 'age']);

interface Row {
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
	views: string | null;
	image_count: number;
	status: WorklistItem['status'];
	priority: WorklistItem['priority'];
	description: string | null;
}

/** Reads the worklist: one page of studies with the columns a reader scans, filtered in SQL. */
export class WorklistQueries {
	constructor(private readonly db: SqliteDatabase) {}

	/**
	 * The study before or after `studyId` in the worklist as the reader has it sorted and filtered, so
	 * "next study" in the viewer follows the list on screen. Null at either end or when not in the list.
	 */
	adjacent(studyId: number, q: Omit<Query, 'offset' | 'limit'>, direction: 'next' | 'previous'): number | null {
		const { whereSql, params } = this.filter(q);
		const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
		const row = this.db
			.prepare(
				`
			WITH ordered AS (
				SELECT s.id, ROW_NUMBER() OVER (ORDER BY ${sortColumns[q.sort]} ${dir}, s.id ${dir}) AS rn
				FROM studies s JOIN patients p ON p.id = s.patient_ref ${whereSql})
			SELECT b.id FROM ordered a JOIN ordered b ON b.rn = a.rn + @step WHERE a.id = @studyId`,
			)
			.get({ ...params, studyId, step: direction === 'next' ? 1 : -1 }) as { id: number } | undefined;
		return row?.id ?? null;
	}

	private filter(q: Omit<Query, 'offset' | 'limit'>): { whereSql: string; params: Record<string, unknown> } {
		const where: string[] = [];
		const params: Record<string, unknown> = {};
		if (q.search?.trim()) {
			// Names match on the folded key (case and diacritics ignored, "muller" finds "Müller").
			where.push(
				`(p.search_key LIKE @folded ESCAPE '\\' OR p.patient_id LIKE @search ESCAPE '\\'
					OR s.accession_number LIKE @search ESCAPE '\\' OR s.description LIKE @search ESCAPE '\\')`,
			);
			const literal = (t: string) => `%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
			params.search = literal(q.search.trim());
			params.folded = literal(foldSearchKey(q.search.trim()));
		}
		if (q.status?.length) {
			where.push(`s.status IN (${q.status.map((_, i) => `@status${i}`).join(',')})`);
			q.status.forEach((s, i) => {
				params[`status${i}`] = s;
			});
		}
		if (q.dateFrom) {
			where.push('s.study_date >= @dateFrom');
			params.dateFrom = q.dateFrom;
		}
		if (q.dateTo) {
			where.push('s.study_date <= @dateTo');
			params.dateTo = q.dateTo;
		}
		return { whereSql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
	}

	list(q: Query): WorklistPage {
		const { whereSql, params } = this.filter(q);
		const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
		// Without a search nothing needs the patient: count the studies alone (an index-only scan).
		const countSql = q.search?.trim()
			? `SELECT count(*) AS n FROM studies s JOIN patients p ON p.id = s.patient_ref ${whereSql}`
			: `SELECT count(*) AS n FROM studies s ${whereSql}`;
		const total = (this.db.prepare(countSql).get(params) as { n: number }).n;
		// Join the patient only when the filter or the order needs it, so the studies' own indexes give the
		// page; sorted by name, walk patients in name order (CROSS JOIN fixes that loop order in SQLite).
		const pageSource =
			q.sort === 'patientName' || q.sort === 'patientId'
				? 'patients p CROSS JOIN studies s ON s.patient_ref = p.id'
				: q.search?.trim() || patientSorts.has(q.sort)
					? 'studies s JOIN patients p ON p.id = s.patient_ref'
					: 'studies s';
		// The page's ids first, then the aggregates for those rows only (SQLite would otherwise evaluate the
		// subqueries for every matching study before sorting). MATERIALIZED keeps the CTE from being
		// flattened, CROSS JOIN keeps the page the outer loop, and the literal LIMIT (validated integers)
		// lets the planner see the page is small: with a bound LIMIT it scanned all studies.
		const rows = this.db
			.prepare(
				`
			WITH page AS MATERIALIZED (
				SELECT s.id FROM ${pageSource} ${whereSql}
				ORDER BY ${sortColumns[q.sort]} ${dir}, s.id ${dir}
					LIMIT ${Math.trunc(q.limit)} OFFSET ${Math.trunc(q.offset)})
			SELECT s.id, s.study_instance_uid, p.name, p.person_name, p.birth_date, p.patient_id, s.patient_age, p.sex,
				s.study_date, s.modality, s.body_part, s.status, s.priority, s.description,
				${viewsOf} AS views, ${imageCountOf} AS image_count
			FROM page CROSS JOIN studies s ON s.id = page.id CROSS JOIN patients p ON p.id = s.patient_ref
			ORDER BY ${sortColumns[q.sort]} ${dir}, s.id ${dir}`,
			)
			.all(params) as Row[];
		return {
			total,
			offset: q.offset,
			items: rows.map((r) => ({
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
			})),
		};
	}
}
