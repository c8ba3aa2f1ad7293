// A data folder written by the release before migration 7 opens with nothing lost, and its stored images
// are protected by the identity rules from then on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';
import { openDatabase } from './openDatabase.js';
import { type InstanceRecord, SqliteStudyStore } from './SqliteStudyStore.js';

/** A database exactly as schema version 6 left it, with a signed report and an audit row. */
function version6Database(file: string): void {
	const db = new Database(file);
	for (const m of migrations.filter((x) => x.version <= 6)) db.exec(m.sql);
	db.pragma('user_version = 6');
	db.exec(`
		INSERT INTO patients (id, patient_id, issuer, name, birth_date, sex)
			VALUES (4, 'P1', '', 'Doe, Jane', '19700101', 'F');
		INSERT INTO studies (id, study_instance_uid, patient_ref, accession_number, status)
			VALUES (9, '1.2.9', 4, 'ACC9', 'signed');
		INSERT INTO series (id, series_instance_uid, study_ref, modality) VALUES (12, '1.2.9.1', 9, 'DX');
		INSERT INTO instances (id, sop_instance_uid, series_ref, file_sha256, file_size)
			VALUES (30, '1.2.9.1.1', 12, '${'a'.repeat(64)}', 100);
		INSERT INTO reports (id, study_ref, kind, findings_text) VALUES (2, 9, 'report', 'No effusion.');
		UPDATE reports SET status = 'signed', signed_by = 'Dr A', signed_at = '2026-01-01T00:00:00Z' WHERE id = 2;
		INSERT INTO audit_log (id, study_ref, actor, action) VALUES (1, 9, 'Dr A', 'sign');
	`);
	db.close();
}

const dump = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();

function record(over: Partial<InstanceRecord>): InstanceRecord {
	return {
		sopInstanceUid: '1.2.9.1.2',
		sopClassUid: null,
		transferSyntaxUid: '1.2.840.10008.1.2.1',
		studyInstanceUid: '1.2.9',
		seriesInstanceUid: '1.2.9.1',
		patientId: 'P1',
		issuerOfPatientId: '',
		patientName: 'Doe, Jane',
		patientPersonName: 'Doe^Jane',
		patientBirthDate: null,
		patientSex: null,
		patientAge: null,
		studyDate: null,
		studyTime: null,
		accessionNumber: null,
		dicomStudyId: 'S9',
		studyDescription: null,
		referringPhysician: null,
		modality: 'DX',
		bodyPart: null,
		seriesNumber: 1,
		instanceNumber: 2,
		viewPosition: 'LL',
		rows: 1,
		columns: 1,
		frames: 1,
		fileSha256: 'b'.repeat(64),
		fileSize: 1,
		...over,
	};
}

test('a version 6 database opens after migration 7 with every row, id and guard kept', () => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'identity-migration-')), 'w.sqlite');
	version6Database(file);
	const old = new Database(file, { readonly: true });
	const before = Object.fromEntries(
		['patients', 'studies', 'series', 'instances', 'reports', 'audit_log'].map((t) => [t, dump(old, t)]),
	);
	old.close();

	const db = openDatabase(file);
	try {
		assert.equal(db.pragma('user_version', { simple: true }), migrations.at(-1)?.version);
		for (const [table, rows] of Object.entries(before)) {
			// Later migrations add columns and the audit chain's start entry; the old rows stay as they were.
			const now = dump(db, table) as Record<string, unknown>[];
			const later = now.filter((r) => r.action !== 'audit.chain_started');
			const kept = later.map((r) => {
				// Columns of later migrations (7: identity, 9: banner, 10: audit chain, 11: not displayable).
				const {
					person_name: _p,
					dicom_study_id: _s,
					referring_physician: _r,
					search_key: _k,
					hash: _h,
					hash_format: _f,
					not_displayable: _n,
					...rest
				} = r;
				return rest;
			});
			assert.deepEqual(kept, rows, table);
		}
		assert.equal(db.prepare('SELECT person_name FROM patients WHERE id = 4').pluck().get(), null);
		assert.equal(db.prepare('SELECT dicom_study_id FROM studies WHERE id = 9').pluck().get(), null);
		assert.equal(db.prepare('SELECT count(*) FROM instances WHERE not_displayable IS NOT NULL').pluck().get(), 0);
		assert.throws(() => db.exec('DELETE FROM audit_log'), /append-only/);
		assert.throws(() => db.exec(`UPDATE reports SET findings_text = 'x' WHERE id = 2`), /immutable/);

		// The stored study is protected: another patient naming its series is refused ...
		const store = new SqliteStudyStore(db);
		const refused = store.saveInstance(record({ patientId: 'P2', studyInstanceUid: '1.2.8' }));
		assert.equal(refused.outcome, 'refused');
		// ... while the same patient's next image joins it and fills in what the old release did not keep.
		const saved = store.saveInstance(record({}));
		assert.deepEqual(saved, { outcome: 'saved', studyId: 9, instanceId: 31 });
		assert.equal(store.study(9)?.person_name, 'Doe^Jane');
		assert.equal(store.study(9)?.dicom_study_id, 'S9');
		assert.equal(store.study(9)?.name, 'Doe, Jane');
	} finally {
		db.close();
	}
});
