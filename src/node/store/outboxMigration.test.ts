// A data folder at schema 13 opens with the outbox table of migration 14, empty and ready.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { databaseAtVersion } from './databaseAtVersion.js';
import { migrations } from './migrations/index.js';
import { openDatabase } from './openDatabase.js';
import { SqliteOutbox } from '../outbox/SqliteOutbox.js';

test('migration 14 adds the outbox to a version 13 database; one item per report revision and destination', () => {
	const file = path.join(tempDir('radialog-m14-'), 'w.sqlite');
	const old = databaseAtVersion(file, 13);
	old.exec(`
		INSERT INTO patients (id, patient_id, name) VALUES (1, 'P1', 'Old, Olga');
		INSERT INTO studies (id, study_instance_uid, patient_ref) VALUES (1, '1.1', 1);
	`);
	old.close();

	const db = openDatabase(file);
	try {
		assert.equal(db.pragma('user_version', { simple: true }), migrations.at(-1)?.version);
		const outbox = new SqliteOutbox(db);
		assert.deepEqual(outbox.summary(), { waiting: 0, attention: 0 });
		const item = {
			studyId: 1,
			reportId: 7,
			revision: 0,
			kind: 'pacs' as const,
			destinationId: 'main',
			seriesUid: '2.25.1',
			instanceUid: '2.25.2',
			controlId: null,
			predecessor: null,
			nextTryAt: '2026-11-30T10:00:00.000Z',
			queuedAt: '2026-11-30T10:00:00.000Z',
		};
		outbox.add(item);
		outbox.add({ ...item, seriesUid: '2.25.3', instanceUid: '2.25.4' });
		assert.equal(outbox.recent(10).length, 1, 'queued twice is one item');
		assert.equal(outbox.recent(10)[0]?.instanceUid, '2.25.2', 'the first UIDs are kept');
		outbox.add({ ...item, revision: 1, seriesUid: '2.25.5', instanceUid: '2.25.6' });
		assert.deepEqual(
			outbox.due('2026-11-30T10:00:00.000Z').map((i) => i.revision),
			[0],
			'an addendum waits for the report before it to the same destination',
		);
		assert.throws(() => db.prepare(`UPDATE outbox_items SET state = 'lost'`).run(), /CHECK constraint/);
	} finally {
		db.close();
	}
});
