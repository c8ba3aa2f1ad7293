// A data folder at schema 12 opens with its search table rebuilt: the same matches, now with the folded text
// kept and short words read from prefix indexes.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { WorklistQueries } from '../worklist/WorklistQueries.js';
import { databaseAtVersion } from './databaseAtVersion.js';
import { migrations } from './migrations/index.js';
import { openDatabase } from './openDatabase.js';

test('migration 15 rebuilds the search table from a version 12 database: same matches, text kept', () => {
	const file = path.join(tempDir('radialog-m15-'), 'w.sqlite');
	const old = databaseAtVersion(file, 12);
	old.exec(`
		INSERT INTO patients (id, patient_id, name, birth_date) VALUES (1, 'PX-77', 'Müller, Jürgen', '19600101'),
			(2, 'Q-1', 'Öztürk, Ayşe', NULL);
		INSERT INTO studies (id, study_instance_uid, patient_ref, accession_number, description, status)
			VALUES (1, '1.1', 1, 'ACC-1001', 'Chest PA', 'signed'), (2, '1.2', 2, 'ACC-2002', 'Thorax', 'new'),
				(3, '1.3', 1, NULL, NULL, 'new');
	`);
	const contentless = old.prepare("SELECT sql FROM sqlite_master WHERE name = 'worklist_search'").pluck().get();
	assert.match(String(contentless), /content = ''/);
	old.close();

	const db = openDatabase(file);
	try {
		assert.equal(db.pragma('user_version', { simple: true }), migrations.at(-1)?.version);
		const schema = String(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'worklist_search'").pluck().get());
		assert.match(schema, /prefix = '1 2 3 4 5 6 7 8'/);
		assert.doesNotMatch(schema, /content = ''/);
		assert.equal(
			db.prepare('SELECT c0 FROM worklist_search_content WHERE id = 2').pluck().get(),
			'ozturk, ayse  q-1 acc-2002 thorax',
		);
		const w = new WorklistQueries(db, 0);
		const find = (search: string) =>
			w.list({ sort: 'imported', direction: 'asc', offset: 0, limit: 100, search }).items.map((s) => s.studyId);
		assert.deepEqual(find('mull'), [1, 3]);
		assert.deepEqual(find('m'), [1, 3]);
		assert.deepEqual(find('acc-2'), [2]);
		assert.deepEqual(find('px-7 ch'), [1]);
		// The triggers of migration 12 write to the rebuilt table.
		db.exec("UPDATE studies SET description = 'Rippen' WHERE id = 3");
		assert.deepEqual(find('ripp'), [3]);
		// An upsert's conflict rule (ABORT) overrides the triggers' INSERT OR REPLACE: the kept text must not clash.
		db.exec(`INSERT INTO patients (patient_id, name) VALUES ('Q-1', 'Özdemir, Ayşe')
			ON CONFLICT (patient_id, issuer) DO UPDATE SET name = excluded.name`);
		db.exec("UPDATE OR ABORT studies SET accession_number = 'ACC-3003' WHERE id = 2");
		assert.deepEqual(find('ozd acc-3'), [2]);
		assert.deepEqual(find('ozt'), []);
		db.exec('DELETE FROM studies WHERE id = 1');
		assert.deepEqual(find('mull'), [3]);
	} finally {
		db.close();
	}
});
