// A data folder written before migration 9 opens with nothing lost, its patients' folded search key filled in.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { WorklistQueries } from '../worklist/WorklistQueries.js';
import { migrations } from './migrations/index.js';
import { openDatabase } from './openDatabase.js';

const base = { offset: 0, limit: 1000, direction: 'asc' as const };

test('migration 9 keeps old rows, backfills the folded search key and leaves old referrers empty', () => {
	const file = path.join(tempDir('radialog-m9-'), 'w.sqlite');
	const old = new Database(file);
	for (const m of migrations.filter((x) => x.version <= 8)) old.exec(m.sql);
	old.pragma('user_version = 8');
	old.exec(`
		INSERT INTO patients (id, patient_id, name, person_name, birth_date, sex)
			VALUES (1, 'P1', 'Müller, Hans', 'Müller^Hans', '19540307', 'M'),
				(2, 'P2', 'Élodie, Anne', NULL, NULL, 'F'), (3, 'P3', 'Mueller, Otto', NULL, NULL, 'M');
		INSERT INTO studies (id, study_instance_uid, patient_ref, study_date, accession_number)
			VALUES (1, '1.1', 1, '20250307', 'ACC1'), (2, '1.2', 2, NULL, 'ACC2'), (3, '1.3', 3, NULL, 'ACC3');
	`);
	const before = old.prepare('SELECT * FROM studies ORDER BY id').all();
	old.close();

	const db = openDatabase(file);
	try {
		assert.equal(db.pragma('user_version', { simple: true }), migrations.at(-1)?.version);
		const kept = (db.prepare('SELECT * FROM studies ORDER BY id').all() as Record<string, unknown>[]).map(
			({ referring_physician: r, ...rest }) => {
				assert.equal(r, null);
				return rest;
			},
		);
		assert.deepEqual(kept, before);
		assert.deepEqual(db.prepare('SELECT search_key FROM patients ORDER BY id').pluck().all(), [
			'muller, hans muller^hans',
			'elodie, anne ',
			'mueller, otto ',
		]);
		const worklist = new WorklistQueries(db);
		const found = (search: string) =>
			worklist
				.list({ ...base, sort: 'imported', search })
				.items.map((s) => s.patientId)
				.sort();
		assert.deepEqual(found('muller'), ['P1']);
		assert.deepEqual(found('MÜLLER'), ['P1']);
		assert.deepEqual(found('ÉLODIE'), ['P2']);
		assert.deepEqual(found('elodie'), ['P2']);
		// The age comes from the birth date even though the modality sent no PatientAge.
		assert.equal(worklist.list({ ...base, sort: 'patientId' }).items[0]?.patientAge, '071Y');
	} finally {
		db.close();
	}
});
