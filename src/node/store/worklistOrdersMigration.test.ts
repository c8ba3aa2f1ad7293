// A data folder at schema 16 opens with the worklist's orders of migration 17: arrival order for "imported",
// folded name and ID keys, written by the triggers from then on.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { WorklistQueries } from '../worklist/WorklistQueries.js';
import { databaseAtVersion } from './databaseAtVersion.js';
import { migrations } from './migrations/index.js';
import { openDatabase } from './openDatabase.js';

test('migration 17: arrival order, names and IDs sorted folded, by the triggers too', () => {
	const file = path.join(tempDir('radialog-m17-'), 'w.sqlite');
	const old = databaseAtVersion(file, 16);
	// The clock was set back before study 2 arrived.
	old.exec(`
		INSERT INTO patients (id, patient_id, name) VALUES (1, 'Q-9', 'müller, Anna'), (2, 'q-10', 'MÜLLER, Carl'),
			(3, '(P)7', 'Muller, Bernd'), (4, 'Z1', 'Adams, Zoe');
		INSERT INTO studies (id, study_instance_uid, patient_ref, status, imported_at) VALUES
			(1, '1.1', 1, 'new', '2025-01-02T00:00:00.000Z'), (2, '1.2', 2, 'new', '2025-01-01T00:00:00.000Z'),
			(3, '1.3', 3, 'signed', '2025-01-03T00:00:00.000Z'), (4, '1.4', 4, 'new', '2025-01-04T00:00:00.000Z');
	`);
	old.close();

	const db = openDatabase(file);
	try {
		assert.equal(db.pragma('user_version', { simple: true }), migrations.at(-1)?.version);
		const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[];
		assert.ok(!indexes.includes('worklist_by_imported') && !indexes.includes('worklist_by_status_imported'));
		assert.ok(indexes.includes('worklist_by_status_study_id'));
		const w = new WorklistQueries(db);
		const ids = (q: Partial<Parameters<WorklistQueries['list']>[0]>) =>
			w.list({ sort: 'imported', direction: 'desc', offset: 0, limit: 100, ...q }).items.map((s) => s.studyId);
		assert.deepEqual(ids({}), [4, 3, 2, 1], 'arrival order, whatever the clock said');
		assert.deepEqual(ids({ status: ['new'] }), [4, 2, 1]);
		assert.deepEqual(ids({ search: 'mull' }), [3, 2, 1]);
		// A telephone book: case and accents do not split the Müllers (raw bytes put "müller" last).
		assert.deepEqual(ids({ sort: 'patientName', direction: 'asc' }), [4, 1, 3, 2]);
		assert.deepEqual(ids({ sort: 'patientName', direction: 'asc', search: 'mul' }), [1, 3, 2]);
		// IDs from their first letter or digit: "(P)7" sorts as "p)7".
		assert.deepEqual(ids({ sort: 'patientId', direction: 'asc' }), [3, 2, 1, 4]);
		assert.deepEqual(ids({ sort: 'patientId', direction: 'asc', search: 'q' }), [2, 1]);

		// The triggers write the folded keys from now on: a new study, a renamed patient.
		db.exec(`
			INSERT INTO patients (id, patient_id, name) VALUES (5, ' ÉX-1', '^^Émile');
			INSERT INTO studies (id, study_instance_uid, patient_ref, status) VALUES (5, '1.5', 5, 'new');
			UPDATE patients SET name = 'Zorn, Anna' WHERE id = 1;`);
		const keys = db.prepare('SELECT study_id, patient_name, patient_id FROM worklist_rows ORDER BY study_id');
		assert.deepEqual(keys.raw().all(), [
			[1, 'zorn, anna', 'q-9'],
			[2, 'muller, carl', 'q-10'],
			[3, 'muller, bernd', 'p)7'],
			[4, 'adams, zoe', 'z1'],
			[5, 'emile', 'ex-1'],
		]);
		assert.deepEqual(ids({ sort: 'patientName', direction: 'asc' }), [4, 5, 3, 2, 1]);
	} finally {
		db.close();
	}
});
