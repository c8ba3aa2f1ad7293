// Every search plan (matches sorted, the sort's index walked, a walk that gives way) returns exactly what a
// plain query over the search index returns: every sort, both ways, pages by offset and by cursor either
// way, next and previous study, with a status or date filter; common, rare and punctuated words.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { WorklistSortKey } from '../../common/api/worklistContract.js';
import { alwaysWalked } from '../../../test/helpers/alwaysWalked.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { seedWorklist } from '../../../bench/seedWorklist.js';
import { openDatabase } from '../store/openDatabase.js';
import { searchMatch } from './searchMatch.js';
import { worklistCursor } from './worklistCursor.js';
import { WorklistQueries } from './WorklistQueries.js';

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

const terms = [
	'a',
	'ch',
	'chest',
	'chest pa',
	'acc00',
	'balle',
	'ba',
	'unk',
	'p00001',
	'zzz',
	"o'brien",
	'jean-lu',
	'50%',
	'off_sa',
	'ludensch',
	'strass',
	'thorax p.a.',
	'ωmeg',
	'ærø',
	'ACC0000000013',
];

test('every search plan pages exactly as a plain query over the search index', () => {
	const db = openDatabase(path.join(tempDir('radialog-search-'), 'w.sqlite'));
	try {
		seedWorklist(db, 0, 900);
		db.exec(`
			UPDATE patients SET name = 'O''Brien-Smith, Jean-Luc' WHERE id IN (5, 60);
			UPDATE patients SET name = '50% Off_Sale, Ωmega' WHERE id = 7;
			UPDATE patients SET name = 'Müller-Lüdenscheidt, Ærø' WHERE id IN (8, 300);
			UPDATE patients SET person_name = 'Straße^Anna' WHERE id = 9;
			UPDATE patients SET name = '', person_name = 'Balleron^Zed' WHERE id = 11;
			UPDATE patients SET name = '(Unknown)' WHERE id = 12;
			UPDATE patients SET name = 'BALLEN, Ole' WHERE id = 13;
			UPDATE patients SET patient_id = '-p00001X' WHERE id = 14;
			UPDATE studies SET description = 'C.T. thorax/abdomen (follow-up)' WHERE id % 40 = 3;`);
		const plans = [
			['as shipped', new WorklistQueries(db)],
			['always walked', new WorklistQueries(db, 0, alwaysWalked)],
			[
				'name plan',
				new WorklistQueries(db, 0, { walk: 1e9, matchSet: 0, values: 1e9, nameOthers: 1e9, keyRange: 1e9 }),
			],
			[
				'walk gives way to the match set',
				new WorklistQueries(db, 0, { walk: 7, matchSet: 1e9, values: 1e9, nameOthers: 1e9, keyRange: 1e9 }),
			],
			[
				'walk gives way, walks on',
				new WorklistQueries(db, 0, { walk: 7, matchSet: 10, values: 1e9, nameOthers: -1, keyRange: -1 }),
			],
			[
				'few values give way',
				new WorklistQueries(db, 0, { walk: 1e9, matchSet: 1e9, values: 1, nameOthers: -1, keyRange: -1 }),
			],
		] as const;
		const keyOf = db.prepare('SELECT * FROM worklist_rows WHERE study_id = ?');
		for (const search of terms)
			for (const sort of WorklistSortKey.options)
				for (const direction of ['asc', 'desc'] as const)
					for (const filter of ['a', 'ch', 'chest pa'].includes(search)
						? [
								{},
								{ status: ['signed' as const, 'new' as const] },
								{ dateFrom: '20150101', dateTo: '20201231' },
							]
						: [{}]) {
						const q = { sort, direction, search, ...filter };
						const dir = direction.toUpperCase();
						const where = [
							'study_id IN (SELECT rowid FROM worklist_search WHERE worklist_search MATCH @match)',
							...('status' in filter ? ["status IN ('signed', 'new')"] : []),
							...('dateFrom' in filter ? ["study_date >= '20150101' AND study_date <= '20201231'"] : []),
						];
						const all = db
							.prepare(
								`SELECT study_id FROM worklist_rows WHERE ${where.join(' AND ')}
								ORDER BY ${columns[sort]} ${dir}, study_id ${dir}`,
							)
							.pluck()
							.all({ match: searchMatch(search) }) as number[];
						const cursor = (id: number) =>
							worklistCursor.encode(sort, {
								key: (keyOf.get(id) as Record<string, string | number>)[columns[sort]]!,
								id,
							});
						for (const [plan, worklist] of plans) {
							const label = `${plan} ${JSON.stringify(q)}`;
							const ids = (p: { items: { studyId: number }[] }) => p.items.map((s) => s.studyId);
							const first = worklist.list({ ...q, offset: 0, limit: 25 });
							assert.deepEqual(ids(first), all.slice(0, 25), label);
							assert.deepEqual(
								ids(worklist.list({ ...q, offset: 30, limit: 25 })),
								all.slice(30, 55),
								label,
							);
							if (all.length > 60) {
								const after = worklist.list({ ...q, offset: 0, limit: 25, after: cursor(all[24]!) });
								assert.deepEqual(ids(after), all.slice(25, 50), `${label} after`);
								const before = worklist.list({ ...q, offset: 0, limit: 25, before: cursor(all[60]!) });
								assert.deepEqual(ids(before), all.slice(35, 60), `${label} before`);
								assert.equal(worklist.adjacent(all[10]!, q, 'next'), all[11], `${label} next`);
								assert.equal(worklist.adjacent(all[10]!, q, 'previous'), all[9], `${label} previous`);
							}
							if (plan === 'as shipped') assert.equal(first.total, all.length, label);
						}
						if (sort === 'imported' && direction === 'asc' && !Object.keys(filter).length)
							assert.ok(all.length > 0 || search === 'zzz', `${search} finds something`);
					}
	} finally {
		db.close();
	}
});
