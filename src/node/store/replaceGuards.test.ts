// A signed report, its versions and the audit log refuse REPLACE as they refuse UPDATE and DELETE
// (SQLite's REPLACE deletes the old row without DELETE triggers unless recursive_triggers is on).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { appendAuditRow } from './appendAuditRow.js';
import { openDatabase } from './openDatabase.js';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'replace-guards-')), 'w.sqlite');

function signedStudy(file: string): void {
	const db = openDatabase(file);
	db.exec(`
		INSERT INTO patients (id, patient_id, name) VALUES (1, 'P1', 'Sample^Jules');
		INSERT INTO studies (id, study_instance_uid, patient_ref) VALUES (1, '1.2.3', 1);
		INSERT INTO reports (id, study_ref, kind, status, findings_text, signed_by, signed_at)
			VALUES (1, 1, 'report', 'draft', 'No pleural effusion.', NULL, NULL);
		INSERT INTO report_versions (id, report_ref, version_no, source, findings_text, impression_text, author)
			VALUES (1, 1, 1, 'edit', 'No pleural effusion.', '', 'Dr A');
		UPDATE reports SET status = 'signed', signed_by = 'Dr A', signed_at = '2026-11-30T10:00:00Z' WHERE id = 1;
	`);
	appendAuditRow(db, { studyRef: null, actor: 'Dr A', action: 'sign', detail: '{}' });
	db.close();
}

const attacks = [
	"REPLACE INTO reports (id, study_ref, kind, status, findings_text) VALUES (1, 1, 'report', 'draft', 'Effusion.')",
	"INSERT OR REPLACE INTO reports (id, study_ref, kind, status) VALUES (2, 1, 'report', 'draft')",
	`REPLACE INTO report_versions (id, report_ref, version_no, source, findings_text, impression_text, author)
		VALUES (1, 1, 1, 'edit', 'Effusion.', '', 'X')`,
	`INSERT OR REPLACE INTO report_versions (report_ref, version_no, source, findings_text, impression_text, author)
		VALUES (1, 1, 'edit', 'Effusion.', '', 'X')`,
	"REPLACE INTO audit_log (id, actor, action) VALUES (1, 'X', 'nothing happened')",
];

test('REPLACE over signed rows and audit rows is refused through the app connection', () => {
	const file = tempFile();
	signedStudy(file);
	const db = openDatabase(file);
	for (const sql of attacks) assert.throws(() => db.exec(sql), /immutable|append-only|cannot be deleted/, sql);
	assert.equal(db.prepare('SELECT findings_text FROM reports WHERE id = 1').pluck().get(), 'No pleural effusion.');
	db.close();
});

test('REPLACE is refused also through a plain connection without recursive_triggers', () => {
	const file = tempFile();
	signedStudy(file);
	const db = new Database(file);
	assert.equal(db.pragma('recursive_triggers', { simple: true }), 0);
	for (const sql of attacks) assert.throws(() => db.exec(sql), /immutable|append-only/, sql);
	const audit = db.prepare('SELECT action FROM audit_log').pluck().all();
	assert.deepEqual(audit, ['sign']);
	db.close();
});

test('drafts can still be edited and a new study can get its report', () => {
	const file = tempFile();
	signedStudy(file);
	const db = openDatabase(file);
	db.exec(`INSERT INTO studies (id, study_instance_uid, patient_ref) VALUES (2, '1.2.4', 1);
		INSERT INTO reports (id, study_ref, kind) VALUES (5, 2, 'report');
		UPDATE reports SET findings_text = 'Edited.' WHERE id = 5;`);
	appendAuditRow(db, { studyRef: null, actor: 'Dr A', action: 'edit', detail: '{}' });
	assert.equal(db.prepare('SELECT count(*) FROM audit_log').pluck().get(), 2);
	db.close();
});
