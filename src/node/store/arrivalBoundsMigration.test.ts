// A data folder at schema 18 opens with the walked sorts' keys bounded per run of arrivals (migration 19);
// every later write keeps each row inside its run's bounds; a search walk starts at the bound.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { seedWorklist } from '../../../bench/seedWorklist.js';
import { alwaysWalked } from '../../../test/helpers/alwaysWalked.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { schemaUpdateNotice } from '../workstation/schemaUpdateNotice.js';
import { WorklistQueries } from '../worklist/WorklistQueries.js';
import { databaseAtVersion } from './databaseAtVersion.js';
import { arrivalRunBits, boundedSortColumns } from './migrations/019_arrival_bounds.js';
import { openDatabase, type SchemaUpdate, type SqliteDatabase } from './openDatabase.js';

/** Each run's least and greatest key of every bounded sort, as the rows hold them now. */
function recomputed(db: SqliteDatabase): Record<string, string | number>[] {
	const cols = boundedSortColumns.map((c) => `min(${c}) AS ${c}_low, max(${c}) AS ${c}_high`).join(', ');
	return db
		.prepare(`SELECT study_id >> ${arrivalRunBits} AS run, ${cols} FROM worklist_rows GROUP BY 1 ORDER BY 1`)
		.all() as Record<string, string | number>[];
}

const bounds = (db: SqliteDatabase) =>
	db.prepare('SELECT * FROM worklist_arrival_bounds ORDER BY run').all() as Record<string, string | number>[];

test('migration 19: bounds per run of arrivals, widened by every write, never narrower than a row', () => {
	const file = path.join(tempDir('radialog-m19-'), 'w.sqlite');
	const old = databaseAtVersion(file, 18);
	seedWorklist(old, 0, 700);
	old.close();

	const updates: SchemaUpdate[] = [];
	const db = openDatabase(file, undefined, (u) => updates.push(u));
	try {
		assert.deepEqual(updates, [{ version: 19, name: 'arrival bounds', from: 18, to: 19 }]);
		assert.match(schemaUpdateNotice(updates[0]!), /schema 19 of 19 \(arrival bounds; it was 18\)/);
		assert.equal(bounds(db).length, 3, 'ids 1..700 fill runs 0, 1 and 2');
		assert.deepEqual(bounds(db), recomputed(db));

		// New studies in a new run, a renamed patient whose studies lie in every run, a moved birth date,
		// a changed study date, a deleted study: the bounds cover every row.
		seedWorklist(db, 700, 800);
		// Seeded in bulk (the triggers on studies set aside, rows written folded): still exact.
		assert.deepEqual(bounds(db), recomputed(db));
		db.exec(`
			UPDATE patients SET name = 'Aaron, Zed', patient_id = '000-FIRST' WHERE id = 5;
			UPDATE patients SET name = 'Zzyzx, Ann', patient_id = 'ZZZ-LAST', birth_date = '18990101' WHERE id = 250;
			UPDATE studies SET study_date = '19700101' WHERE id = 400;
			UPDATE studies SET study_date = '20991231' WHERE id = 401;
			DELETE FROM studies WHERE id = 402;`);
		const now = new Map(bounds(db).map((b) => [b.run, b]));
		assert.equal(now.size, 4);
		for (const r of recomputed(db)) {
			const b = now.get(r.run)!;
			for (const c of boundedSortColumns) {
				assert.ok(b[`${c}_low`]! <= r[`${c}_low`]!, `run ${r.run} ${c} low`);
				assert.ok(b[`${c}_high`]! >= r[`${c}_high`]!, `run ${r.run} ${c} high`);
			}
		}
		const row = db.prepare('SELECT patient_id, study_date FROM worklist_rows WHERE study_id = ?');
		const low = (id: number, c: string) => now.get(id >> arrivalRunBits)![`${c}_low`];
		const high = (id: number, c: string) => now.get(id >> arrivalRunBits)![`${c}_high`];
		assert.equal(low(15, 'patient_id'), (row.get(15) as { patient_id: string }).patient_id);
		assert.equal(low(400, 'study_date'), '19700101');
		assert.equal(high(401, 'study_date'), '20991231');
	} finally {
		db.close();
	}
});

test('a search in a sort whose keys grow with arrival seeks its index to the bound of its matches', () => {
	const db = openDatabase(path.join(tempDir('radialog-m19-walk-'), 'w.sqlite'));
	try {
		// Patient IDs and accessions grow with arrival; "acc000001" matches the last 130 of 900 studies.
		seedWorklist(db, 0, 900);
		const statements: string[] = [];
		const prepare = db.prepare.bind(db);
		const bounds: unknown[] = [];
		db.prepare = ((sql: string) => {
			statements.push(sql);
			const statement = prepare(sql);
			if (!sql.includes('FROM worklist_arrival_bounds')) return statement;
			// The bound the walk starts at, as the page computed it.
			const get = statement.get.bind(statement);
			statement.get = (...args: Parameters<typeof get>) => {
				const value = get(...args);
				bounds.push(value);
				return value;
			};
			return statement;
		}) as typeof db.prepare;
		const walked = new WorklistQueries(db, 0, alwaysWalked);
		const page = (direction: 'asc' | 'desc') => {
			statements.length = 0;
			const ids = walked
				.list({ sort: 'patientId', direction, offset: 0, limit: 25, search: 'acc000001' })
				.items.map((s) => s.studyId);
			// The walk over the sort's index, and how SQLite reads it.
			const sql = statements.find(
				(x) => x.includes('worklist_by_patient_id') && x.includes('worklist_walk_step'),
			)!;
			const plan = db
				.prepare(`EXPLAIN QUERY PLAN ${sql}`)
				.all(Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], 0])))
				.map((r) => (r as { detail: string }).detail)
				.join('\n');
			return { ids, sql, plan };
		};
		// Studies that arrive right after the last match, in its run of ids, with IDs that sort first: the
		// bound of the span's edge runs is read from their rows inside the span, so these do not lower it.
		seedWorklist(db, 900, 905);
		db.exec(`UPDATE patients SET patient_id = '000-' || patient_id WHERE id > 300;
			UPDATE studies SET accession_number = 'LATER' || id WHERE id > 900;`);
		const up = page('asc');
		const down = page('desc');
		const expected = db
			.prepare(
				`SELECT study_id FROM worklist_rows WHERE study_id IN (SELECT rowid FROM worklist_search
				WHERE worklist_search MATCH 'acc000001*') ORDER BY patient_id, study_id LIMIT 25`,
			)
			.pluck()
			.all();
		assert.deepEqual(up.ids, expected);
		assert.equal(up.ids.length, 25);
		assert.ok(up.ids.every((id) => id > 770));
		assert.match(up.plan, /USING (?:COVERING )?INDEX worklist_by_patient_id \(patient_id>\?\)/, up.sql);
		assert.match(down.plan, /USING (?:COVERING )?INDEX worklist_by_patient_id \(patient_id<\?\)/, down.sql);
		const summaries = db.prepare('SELECT min(patient_id_low) FROM worklist_arrival_bounds').pluck().get() as string;
		assert.ok(summaries.startsWith('000-'), 'the run summaries alone would start at the new IDs');
		const first = db.prepare('SELECT patient_id FROM worklist_rows WHERE study_id = ?').pluck().get(expected[0]);
		assert.ok(bounds.includes(first), `the walk starts at the first match's ID ${String(first)}`);
	} finally {
		db.close();
	}
});
