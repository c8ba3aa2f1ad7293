import Database from 'better-sqlite3';
import { migrations } from './migrations/index.js';

/**
 * For tests: a database exactly as the last release (schema 8) left it, with a signed report, an
 * addendum and five audit rows.
 */
export function beforeChainDatabase(file: string): void {
	const db = new Database(file);
	for (const m of migrations.filter((x) => x.version <= 8)) db.exec(m.sql);
	db.pragma(`user_version = ${Math.max(...migrations.filter((x) => x.version <= 8).map((x) => x.version))}`);
	db.exec(`
		INSERT INTO patients (id, patient_id, issuer, name) VALUES (4, 'P1', '', 'Doe, Jane');
		INSERT INTO studies (id, study_instance_uid, patient_ref, status) VALUES (9, '1.2.9', 4, 'signed');
		INSERT INTO reports (id, study_ref, kind, findings_text) VALUES (2, 9, 'report', 'No effusion.');
		UPDATE reports SET status = 'signed', signed_by = 'Dr A', signed_at = '2026-01-01T00:00:00Z' WHERE id = 2;
		INSERT INTO reports (id, study_ref, kind, parent_ref, findings_text, status, signed_by, signed_at)
			VALUES (3, 9, 'addendum', 2, 'Small effusion on review.', 'signed', 'Dr B', '2026-01-02T00:00:00Z');
		INSERT INTO audit_log (study_ref, report_ref, actor, action, detail) VALUES
			(9, 2, 'Dr A', 'draft', '{"model":"demo"}'),
			(9, 2, 'Dr A', 'edit', '{}'),
			(9, 2, 'Dr A', 'sign', '{"version":2}'),
			(9, 3, 'Dr B', 'addendum', '{"text":"Small effusion on review."}'),
			(9, 2, 'Dr B', 'export', '{"format":"pdf"}');
	`);
	db.close();
}
