// A data folder at schema 17 opens with a search signature on every worklist row (migration 18), in every
// sort's index, and kept by the triggers that write the search text.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { searchSignature, unknownSearchSignature } from '../../common/domain/searchSignature.js';
import { alwaysWalked } from '../../../test/helpers/alwaysWalked.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { WorklistQueries } from '../worklist/WorklistQueries.js';
import { databaseAtVersion } from './databaseAtVersion.js';
import { schemaUpdateNotice } from '../workstation/schemaUpdateNotice.js';
import { openDatabase, type SchemaUpdate } from './openDatabase.js';

test('migration 18: every row signed, every sort index holds the signature, the triggers keep it', () => {
	const file = path.join(tempDir('radialog-m18-'), 'w.sqlite');
	const old = databaseAtVersion(file, 17);
	old.exec(`
		INSERT INTO patients (id, patient_id, name) VALUES (1, 'Q-9', 'Müller, Anna'), (2, 'Z1', 'Adams, Zoe');
		INSERT INTO studies (id, study_instance_uid, patient_ref, status, description) VALUES
			(1, '1.1', 1, 'new', 'Thorax liegend'), (2, '1.2', 2, 'signed', 'XR CHEST'), (3, '1.3', 1, 'new', NULL);
	`);
	old.close();

	const updates: SchemaUpdate[] = [];
	const db = openDatabase(file, undefined, (u) => updates.push(u));
	try {
		assert.deepEqual(updates[0], { version: 18, name: 'search signature', from: 17, to: 19 });
		assert.match(schemaUpdateNotice(updates[0]), /schema 18 of 19 \(search signature; it was 17\)/);
		const signed = () =>
			db
				.prepare(
					`SELECT w.study_id, w.search_sig, c.c0 FROM worklist_rows w
					JOIN worklist_search_content c ON c.id = w.study_id ORDER BY w.study_id`,
				)
				.raw()
				.all() as [number, number, string][];
		const agree = () => {
			for (const [id, sig, text] of signed()) assert.equal(sig, searchSignature(text), `study ${id}: ${text}`);
		};
		assert.equal(signed().length, 3);
		agree();
		assert.ok(signed().every(([, sig]) => sig > 0 && sig !== unknownSearchSignature));

		const indexes = db
			.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'worklist_by_%'")
			.pluck()
			.all() as string[];
		assert.ok(indexes.length >= 20, indexes.join());
		for (const i of indexes) {
			const cols = db.prepare(`PRAGMA index_info(${i})`).all() as { name: string }[];
			assert.deepEqual(
				cols.slice(-2).map((c) => c.name),
				['study_id', 'search_sig'],
				i,
			);
		}

		// Each trigger that writes the search text writes the signature after it.
		db.exec(`
			INSERT INTO patients (id, patient_id, name) VALUES (3, 'ACC-7', 'Ølsen, Bo');
			INSERT INTO studies (id, study_instance_uid, patient_ref, status, description)
				VALUES (4, '1.4', 3, 'new', 'Rib');
			UPDATE patients SET name = 'Zorn, Anna' WHERE id = 1;
			UPDATE studies SET description = 'Pneumothorax follow-up' WHERE id = 2;
			UPDATE studies SET status = 'drafted' WHERE id = 4;`);
		agree();
		// Walked study by study (the signature first), the rewritten words are found and the old ones not.
		const walked = new WorklistQueries(db, 0, alwaysWalked);
		const ids = (search: string) =>
			walked
				.list({ sort: 'studyDate', direction: 'desc', offset: 0, limit: 10, search })
				.items.map((s) => s.studyId);
		assert.deepEqual(ids('zorn'), [3, 1]);
		assert.deepEqual(ids('müller'), []);
		assert.deepEqual(ids('pneumo'), [2]);
		assert.deepEqual(ids('ølsen'), [4]);
		// A row whose signature is not known yet is read, never skipped.
		db.exec(`UPDATE worklist_rows SET search_sig = ${unknownSearchSignature} WHERE study_id = 4`);
		assert.deepEqual(ids('ølsen'), [4]);
		assert.deepEqual(ids('zorn'), [3, 1]);
	} finally {
		db.close();
	}
});

test('a new database is created without schema update notices', () => {
	const updates: SchemaUpdate[] = [];
	openDatabase(path.join(tempDir('radialog-m18-new-'), 'w.sqlite'), undefined, (u) => updates.push(u)).close();
	assert.deepEqual(updates, []);
});
