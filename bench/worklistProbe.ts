import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { WorklistSortKey } from '../src/common/api/worklistContract.js';
import { openDatabase } from '../src/node/store/openDatabase.js';
import { WorklistQueries } from '../src/node/worklist/WorklistQueries.js';
import { searchMatch } from '../src/node/worklist/searchMatch.js';

export type ProbeResult = Record<string, { oursCold: number; rawCold: number; oursWarm: number; rawWarm: number }>;
type Raw = InstanceType<typeof Database>;

/** The worklist_rows column each sort reads ("imported" is arrival order, the study id: migration 17). */
const columns: Record<WorklistSortKey, string> = {
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
/** Each sort in the direction the worklist first shows it. */
const ascending = new Set(['patientName', 'patientId', 'priority', 'modality', 'bodyPart', 'views']);
const rawColumns = `s.id, s.study_instance_uid, p.name, p.person_name, p.birth_date, p.patient_id, s.patient_age,
	p.sex, s.study_date, s.modality, s.body_part, s.status, s.priority, s.description, w.views, w.image_count`;
const rawPage = (where: string, order: string, limit = 100) =>
	`SELECT ${rawColumns} FROM worklist_rows w JOIN studies s ON s.id = w.study_id JOIN patients p ON
	p.id = s.patient_ref ${where ? `WHERE ${where}` : ''} ORDER BY ${order} LIMIT ${limit}`;

/** A small seeded generator, so every round asks the same rows and terms. */
function random(seed: number) {
	let x = seed * 2654435761 + 1;
	return (n: number) => {
		x = (x * 1103515245 + 12345) % 2 ** 31;
		return x % n;
	};
}

/**
 * Times each worklist query through WorklistQueries ("ours") and as one raw SQL statement of the same
 * shape ("raw"): cold is the first run on new connections, warm the median of 5 more, alternated.
 */
export function probeWorklist(file: string, round: number): ProbeResult {
	const out: ProbeResult = {};
	const pick = random(7);
	const maxId = new Database(file, { readonly: true }).prepare('SELECT max(study_id) FROM worklist_rows').pluck();
	const top = maxId.get() as number;
	const measure = (name: string, ours: (q: WorklistQueries) => unknown, raw: (db: Raw) => unknown) => {
		const db = openDatabase(file);
		const rawDb = new Database(file, { readonly: true });
		const q = new WorklistQueries(db);
		const time = (f: () => unknown) => {
			const t = performance.now();
			f();
			return performance.now() - t;
		};
		// Alternate which goes first, round by round, so neither always warms the OS cache for the other.
		const first = round % 2 ? [time(() => ours(q)), time(() => raw(rawDb))] : [time(() => raw(rawDb))];
		const oc = first.length === 2 ? first[0]! : time(() => ours(q));
		const rawCold = first.length === 2 ? first[1]! : first[0]!;
		const o: number[] = [];
		const r: number[] = [];
		for (let i = 0; i < 5; i++) {
			o.push(time(() => ours(q)));
			r.push(time(() => raw(rawDb)));
		}
		db.close();
		rawDb.close();
		const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
		out[name] = { oursCold: oc, rawCold, oursWarm: med(o), rawWarm: med(r) };
	};
	// One pass of every query shape on a connection of its own first, so "cold" is SQLite's cache, not the
	// JavaScript engine compiling the code on its first call.
	const warmUp = openDatabase(file);
	const wq = new WorklistQueries(warmUp);
	const one = wq.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 100 }).items[0]!;
	for (const side of ['after', 'before'] as const)
		wq.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 100, [side]: one.cursor });
	wq.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 100, status: ['new'], search: 'a' });
	wq.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 100, dateFrom: '20200101', dateTo: '20200101' });
	wq.adjacent(one.studyId, { sort: 'imported', direction: 'desc' }, 'next');
	warmUp.close();
	const studyAt = () => 1 + pick(top);
	const keyOf = new Database(file, { readonly: true });
	for (const sort of Object.keys(columns) as WorklistSortKey[]) {
		const direction = ascending.has(sort) ? 'asc' : 'desc';
		const col = `w.${columns[sort]}`;
		const dir = direction.toUpperCase();
		const back = direction === 'asc' ? 'DESC' : 'ASC';
		const order = `${col} ${dir}, w.study_id ${dir}`;
		const base = { sort, direction, offset: 0, limit: 100 } as const;
		const tag = `${sort} ${direction}`;
		measure(
			`first page · ${tag}`,
			(q) => q.list(base),
			(db) => db.prepare(rawPage('', order)).all(),
		);
		const id = studyAt();
		const key = keyOf.prepare(`SELECT ${columns[sort]} FROM worklist_rows WHERE study_id = ?`).pluck().get(id);
		const cursor = JSON.stringify([sort, key, id]);
		const cmp = (after: boolean) => ((direction === 'asc') === after ? '>' : '<');
		measure(
			`page forward from a row · ${tag}`,
			(q) => q.list({ ...base, after: cursor }),
			(db) => db.prepare(rawPage(`(${col}, w.study_id) ${cmp(true)} (?, ?)`, order)).all(key, id),
		);
		measure(
			`page backward from a row · ${tag}`,
			(q) => q.list({ ...base, before: cursor }),
			(db) =>
				db
					.prepare(rawPage(`(${col}, w.study_id) ${cmp(false)} (?, ?)`, `${col} ${back}, w.study_id ${back}`))
					.all(key, id),
		);
		const date = keyOf.prepare('SELECT study_date FROM worklist_rows WHERE study_id = ?').pluck().get(studyAt());
		measure(
			`jump to a date · ${tag}`,
			(q) => q.list({ ...base, dateFrom: date as string, dateTo: date as string }),
			(db) => db.prepare(rawPage('w.study_date >= ? AND w.study_date <= ?', order)).all(date, date),
		);
		for (const step of ['next', 'previous'] as const)
			measure(
				`${step} study · ${tag}`,
				(q) => q.adjacent(id, { sort, direction }, step),
				(db) =>
					db
						.prepare(
							`SELECT w.study_id FROM worklist_rows w WHERE (${col}, w.study_id) ${cmp(step === 'next')}
							(SELECT ${col}, w.study_id FROM worklist_rows w WHERE w.study_id = ?)
							ORDER BY ${step === 'next' ? order : `${col} ${back}, w.study_id ${back}`} LIMIT 1`,
						)
						.get(id),
			);
		measure(
			`status filter · ${tag}`,
			(q) => q.list({ ...base, status: ['in_review'] }),
			(db) => db.prepare(rawPage("w.status IN ('in_review')", order)).all(),
		);
	}
	const terms = searchTerms(keyOf, top, random(11));
	keyOf.close();
	const perTerm: ProbeResult = {};
	for (const [i, term] of terms.entries()) {
		measure(
			`search · term ${i}`,
			(q) => q.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 100, search: term }),
			(db) =>
				db
					.prepare(
						rawPage(
							'w.study_id IN (SELECT rowid FROM worklist_search WHERE worklist_search MATCH ?)',
							'w.study_id DESC',
						),
					)
					.all(searchMatch(term)),
		);
		perTerm[`${i} ${term}`] = out[`search · term ${i}`]!;
		delete out[`search · term ${i}`];
	}
	const everySort = searchEverySort(file, terms);
	const all = Object.values(perTerm);
	const at = (xs: number[], q: number) =>
		[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
	for (const [label, q] of [
		['median', 0.5],
		['95th percentile', 0.95],
		['slowest', 1],
	] as const) {
		const raw = (k: 'rawCold' | 'rawWarm') =>
			at(
				all.map((x) => x[k]),
				q,
			);
		out[`search · ${label} of ${all.length} terms`] = {
			oursCold: at(
				all.map((x) => x.oursCold),
				q,
			),
			rawCold: raw('rawCold'),
			oursWarm: at(
				all.map((x) => x.oursWarm),
				q,
			),
			rawWarm: raw('rawWarm'),
		};
		out[`search in every sort · ${label} of ${everySort.cold.length} (term, sort); raw: arrival order`] = {
			oursCold: at(everySort.cold, q),
			rawCold: raw('rawCold'),
			oursWarm: at(everySort.warm, q),
			rawWarm: raw('rawWarm'),
		};
	}
	const slowest = everySort.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
	const over = (xs: number[]) => xs.filter((ms) => ms > 20).length;
	const named = slowest.map((x) => `${x.what} ${x.ms.toFixed(1)} ms`).join('; ');
	process.stderr.write(
		`searches in every sort over 20 ms: ${over(everySort.cold)} cold, ${over(everySort.warm)} warm ` +
			`of ${everySort.cold.length}; slowest: ${named}\n`,
	);
	return out;
}

/**
 * Each term in every sort the worklist offers (the direction it first shows), as the reader re-sorts a
 * search: cold (first run on a new connection) and warm (median of 3 more).
 */
function searchEverySort(file: string, terms: string[]) {
	const cold: number[] = [];
	const warm: number[] = [];
	const slowest: { what: string; ms: number }[] = [];
	for (const term of terms)
		for (const sort of Object.keys(columns) as WorklistSortKey[]) {
			const db = openDatabase(file);
			const q = new WorklistQueries(db);
			const direction = ascending.has(sort) ? 'asc' : 'desc';
			const run = () => {
				const t = performance.now();
				q.list({ sort, direction, offset: 0, limit: 100, search: term });
				return performance.now() - t;
			};
			const c = run();
			const w = [run(), run(), run()].sort((a, b) => a - b)[1]!;
			db.close();
			cold.push(c);
			warm.push(w);
			slowest.push({ what: `"${term}" by ${sort} ${direction}`, ms: Math.max(c, w) });
		}
	return { cold, warm, slowest };
}

/** 100 terms from random studies: a prefix (3 letters to all) of a name, ID, accession or description word. */
function searchTerms(db: Raw, top: number, pick: (n: number) => number): string[] {
	const row = db.prepare(
		`SELECT p.name, p.patient_id, s.accession_number, s.description FROM studies s
		JOIN patients p ON p.id = s.patient_ref WHERE s.id = ?`,
	);
	const terms: string[] = [];
	while (terms.length < 100) {
		const r = row.raw().get(1 + pick(top)) as (string | null)[] | undefined;
		const words = (r ?? [])
			.filter((x): x is string => !!x)
			.flatMap((x) => x.split(/[\s,^]+/))
			.filter((w) => /^[\p{L}\p{N}]{3,}$/u.test(w));
		if (!words.length) continue;
		const w = words[pick(words.length)]!;
		terms.push(w.slice(0, 3 + pick(w.length - 2)));
	}
	return terms;
}
