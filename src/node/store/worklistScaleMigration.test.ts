// A data folder at schema 11 opens with its studies in the worklist's new tables: sort keys, counts, search.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { WorklistQueries } from '../worklist/WorklistQueries.js';
import { databaseAtVersion } from './databaseAtVersion.js';
import { migrations } from './migrations/index.js';
import { openDatabase } from './openDatabase.js';

test('migration 12 backfills worklist rows, status counts and the search index from a version 11 database', () => {
	const file = path.join(tempDir('radialog-m12-'), 'w.sqlite');
	const old = databaseAtVersion(file, 11);
	old.exec(`
		INSERT INTO patients (id, patient_id, name, birth_date) VALUES (1, 'PX-77', 'Müller, Jürgen', '19600101'),
			(2, 'Q-1', 'Öztürk, Ayşe', NULL);
		INSERT INTO studies (id, study_instance_uid, patient_ref, study_date, accession_number, description, status,
			priority, modality, patient_age)
			VALUES (1, '1.1', 1, '20240101', 'ACC-1001', 'Chest PA', 'signed', 'routine', 'DX', NULL),
				(2, '1.2', 2, NULL, 'ACC-2002', 'Thorax liegend', 'new', 'stat', NULL, '034Y'),
				(3, '1.3', 1, '20250601', NULL, NULL, 'new', 'routine', 'CR', NULL);
		INSERT INTO series (id, series_instance_uid, study_ref, view_position)
			VALUES (1, '1.1.1', 1, 'PA'), (2, '1.1.2', 1, NULL);
		INSERT INTO instances (sop_instance_uid, series_ref, view_position, file_sha256, file_size)
			VALUES ('1.1.1.1', 1, NULL, 'x', 1), ('1.1.2.1', 2, 'LL', 'x', 1);
	`);
	old.close();

	const db = openDatabase(file);
	try {
		assert.equal(db.pragma('user_version', { simple: true }), migrations.at(-1)?.version);
		const w = new WorklistQueries(db);
		const base = { sort: 'imported' as const, direction: 'asc' as const, offset: 0, limit: 100 };
		const all = w.list(base);
		assert.equal(all.total, 3);
		const first = all.items.find((s) => s.studyId === 1)!;
		assert.deepEqual(first.views, ['LL', 'PA']);
		assert.equal(first.imageCount, 2);
		assert.equal(w.list({ ...base, status: ['new'] }).total, 2);
		assert.deepEqual(
			w.list({ ...base, search: 'mull' }).items.map((s) => s.studyId),
			[1, 3],
		);
		assert.deepEqual(
			w.list({ ...base, search: 'ozt' }).items.map((s) => s.studyId),
			[2],
		);
		assert.deepEqual(
			w.list({ ...base, search: 'acc-2002' }).items.map((s) => s.studyId),
			[2],
		);
		assert.deepEqual(
			w.list({ ...base, search: 'px-7' }).items.map((s) => s.studyId),
			[1, 3],
		);
		assert.deepEqual(
			w.list({ ...base, sort: 'priority' }).items.map((s) => s.studyId),
			[2, 1, 3],
		);
		// Ages: from the birth date, else the PatientAge sent: 34 years, then 64, then 65.
		assert.deepEqual(
			w.list({ ...base, sort: 'age' }).items.map((s) => s.studyId),
			[2, 1, 3],
		);
		// A study without a date sorts first going up, as NULL did before.
		assert.equal(w.list({ ...base, sort: 'studyDate' }).items[0]?.studyId, 2);
	} finally {
		db.close();
	}
});
