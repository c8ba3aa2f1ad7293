// Keyset pages, next/previous study, the index each sort reads and the FTS5 search, on a real database.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { WorklistSortKey } from '../../common/api/worklistContract.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { seedWorklist } from '../../../bench/seedWorklist.js';
import { openDatabase } from '../store/openDatabase.js';
import { WorklistQueries } from './WorklistQueries.js';

const sorts = WorklistSortKey.options;

function seeded(n: number, countCap?: number) {
	const db = openDatabase(path.join(tempDir('radialog-keyset-'), 'w.sqlite'));
	seedWorklist(db, 0, n);
	return { db, worklist: new WorklistQueries(db, countCap) };
}

// A count cap of 20 sends searches and date ranges down the index walk that large matches take at scale.
for (const cap of [undefined, 20])
	test(`keyset pages forward then back are the OFFSET pages, every sort, both ways, ties (cap ${cap})`, () => {
		const { db, worklist } = seeded(230, cap);
		try {
			for (const sort of sorts)
				for (const direction of ['asc', 'desc'] as const)
					for (const filter of [
						{},
						{ status: ['signed' as const, 'new' as const] },
						{ search: 'chest' },
						{ search: 'xr', status: ['signed' as const, 'drafted' as const] },
						{ dateFrom: '20120101', dateTo: '20201231', status: ['signed' as const] },
					]) {
						const q = { sort, direction, ...filter };
						const label = JSON.stringify(q);
						const all = worklist.list({ ...q, offset: 0, limit: 1000 }).items.map((s) => s.studyId);
						assert.ok(all.length > 20, label);
						const limit = 9;
						const pages: number[][] = [];
						let page = worklist.list({ ...q, offset: 0, limit });
						while (page.items.length) {
							const offset = pages.length * limit;
							const expected = worklist.list({ ...q, offset, limit }).items.map((s) => s.studyId);
							assert.deepEqual(
								page.items.map((s) => s.studyId),
								expected,
								`${label} forward at ${offset}`,
							);
							pages.push(expected);
							page = worklist.list({ ...q, offset: 0, limit, after: page.items.at(-1)!.cursor });
						}
						assert.deepEqual(pages.flat(), all, label);
						// Back from the last page, each page before the one shown.
						for (let p = pages.length - 1; p > 0; p--) {
							const first = worklist.list({ ...q, offset: p * limit, limit }).items[0]!;
							const before = worklist.list({ ...q, offset: 0, limit, before: first.cursor });
							assert.deepEqual(
								before.items.map((s) => s.studyId),
								pages[p - 1],
								`${label} backward to page ${p - 1}`,
							);
						}
					}
		} finally {
			db.close();
		}
	});

for (const cap of [undefined, 10])
	test(`next and previous study follow the full order of every sort, filtered too, ends too (cap ${cap})`, () => {
		const { db, worklist } = seeded(120, cap);
		try {
			for (const sort of sorts)
				for (const direction of ['asc', 'desc'] as const)
					for (const filter of [
						{},
						{ status: ['in_review' as const, 'drafted' as const] },
						{ search: 'ko' },
					]) {
						const q = { sort, direction, ...filter };
						const all = worklist.list({ ...q, offset: 0, limit: 1000 }).items.map((s) => s.studyId);
						all.forEach((id, i) => {
							assert.equal(
								worklist.adjacent(id, q, 'next'),
								all[i + 1] ?? null,
								`${JSON.stringify(q)} ${i}`,
							);
							assert.equal(worklist.adjacent(id, q, 'previous'), all[i - 1] ?? null);
						});
						const outside = db
							.prepare(`SELECT id FROM studies WHERE id NOT IN (${all.join(',') || 0}) LIMIT 1`)
							.pluck()
							.get() as number | undefined;
						if (outside !== undefined) assert.equal(worklist.adjacent(outside, q, 'next'), null);
					}
		} finally {
			db.close();
		}
	});

test('the first page of every sort reads its index: no full scan, no temporary sort', () => {
	const { db, worklist } = seeded(50);
	const plans: string[] = [];
	const prepare = db.prepare.bind(db);
	// Every page query is explained as it is prepared.
	const spy = (sql: string) => {
		if (sql.includes('FROM worklist_rows w') && !sql.includes('json_each'))
			plans.push(
				(
					prepare(`EXPLAIN QUERY PLAN ${sql}`).all(sql.includes('@status0') ? { status0: 'new' } : {}) as {
						detail: string;
					}[]
				)
					.map((r) => r.detail)
					.join('; '),
			);
		return prepare(sql);
	};
	Object.assign(db, { prepare: spy });
	try {
		for (const sort of sorts)
			for (const direction of ['asc', 'desc'] as const)
				for (const status of [undefined, ['new' as const]]) {
					plans.length = 0;
					worklist.list({ sort, direction, offset: 0, limit: 100, ...(status ? { status } : {}) });
					const plan = plans.join(' | ');
					// Arrival order is the table's own (rowid) order, read as is and stopped after the page.
					const arrival = sort === 'imported' && !status;
					assert.match(
						plan,
						arrival ? /SCAN w(;|$)/ : /USING (COVERING )?INDEX worklist_by_/,
						`${sort} ${direction}: ${plan}`,
					);
					// An index walked in order stops after the page; a bare SCAN w would read every row.
					const unordered = arrival ? /TEMP B-TREE/ : /SCAN w(;|$| \|)|TEMP B-TREE/;
					assert.doesNotMatch(plan, unordered, `${sort} ${direction}: ${plan}`);
				}
	} finally {
		Object.assign(db, { prepare });
		db.close();
	}
});

test("search: folded prefixes of names, IDs, accessions; every word narrows; other sorts' cursors refused", () => {
	const { db, worklist } = seeded(60);
	const base = { sort: 'imported' as const, direction: 'asc' as const, offset: 0, limit: 1000 };
	const find = (search: string) => worklist.list({ ...base, search });
	try {
		db.prepare("UPDATE patients SET name = 'Müller, Jürgen' WHERE id = 3").run();
		db.prepare("UPDATE studies SET accession_number = 'RAD-2025-0042' WHERE id = 7").run();
		const mullers = find('mull');
		assert.ok(mullers.items.length > 0);
		assert.ok(mullers.items.every((s) => s.patientName === 'Müller, Jürgen'));
		assert.equal(find('MÜLLER jur').total, mullers.total);
		assert.equal(find('müller zzz').total, 0, 'every word must match');
		assert.equal(find('uller').total, 0, 'prefixes, not infixes');
		const patientId = worklist.list({ ...base, limit: 1 }).items[0]!.patientId;
		assert.ok(find(patientId.slice(0, 6)).items.some((s) => s.patientId === patientId));
		assert.deepEqual(
			find('rad-2025-00').items.map((s) => s.studyId),
			[7],
		);
		assert.equal(find('"; DROP TABLE studies; --').total, 0);
		const cursor = worklist.list({ ...base, limit: 1 }).items[0]!.cursor;
		assert.throws(() => worklist.list({ ...base, sort: 'patientName', after: cursor }), /sort by imported/);
		assert.throws(() => worklist.list({ ...base, after: 'nonsense' }), /not a worklist cursor/);
	} finally {
		db.close();
	}
});

test('the rows, counts and search text follow every write: status, priority, new images, a renamed patient', () => {
	const { db, worklist } = seeded(30);
	const base = { sort: 'imported' as const, direction: 'asc' as const, offset: 0, limit: 1000 };
	try {
		const before = worklist.list({ ...base, status: ['in_review'] }).total;
		db.prepare("UPDATE studies SET status = 'in_review' WHERE id = 1 AND status <> 'in_review'").run();
		db.prepare("UPDATE studies SET priority = 'stat' WHERE id = 2").run();
		assert.equal(worklist.list({ ...base, status: ['in_review'] }).total, before + 1);
		assert.equal(worklist.list({ ...base, sort: 'priority' }).items[0]!.studyId, 2);
		const imagesBefore = worklist.list(base).items.find((s) => s.studyId === 1)!.imageCount;
		const series = db.prepare('SELECT id FROM series WHERE study_ref = 1 LIMIT 1').pluck().get() as number;
		db.prepare(
			`INSERT INTO instances (sop_instance_uid, series_ref, view_position, file_sha256, file_size)
			VALUES ('9.9.9', ?, 'LATERAL', 'x', 1)`,
		).run(series);
		const one = worklist.list(base).items.find((s) => s.studyId === 1)!;
		assert.ok(one.views.includes('LATERAL'));
		assert.equal(one.imageCount, imagesBefore + 1);
		db.prepare(
			"UPDATE patients SET name = 'Ωmega, Quentin' WHERE id = (SELECT patient_ref FROM studies WHERE id = 1)",
		).run();
		assert.ok(worklist.list({ ...base, search: 'ωmeg quent' }).items.some((s) => s.studyId === 1));
		assert.equal(
			worklist.list({ ...base, sort: 'patientName', direction: 'desc' }).items[0]!.patientName,
			'Ωmega, Quentin',
		);
		db.prepare('DELETE FROM studies WHERE id = 1').run();
		assert.equal(worklist.list({ ...base, search: 'ωmega' }).items.filter((s) => s.studyId === 1).length, 0);
		assert.equal(worklist.list(base).total, 29);
	} finally {
		db.close();
	}
});
