/**
 * REPLACE (and INSERT OR REPLACE) removes the conflicting row without firing DELETE triggers unless
 * recursive_triggers is on, so the immutability triggers of migration 3 could be bypassed. These
 * BEFORE INSERT triggers refuse an insert that would replace a signed report, a version of one, or an
 * audit row, whatever the connection's pragmas (openDatabase also turns recursive_triggers on).
 */
export const replaceGuardsSchema = `
CREATE TRIGGER signed_report_no_replace BEFORE INSERT ON reports
	WHEN EXISTS (SELECT 1 FROM reports WHERE status = 'signed'
		AND (id = NEW.id OR (kind = 'report' AND NEW.kind = 'report' AND study_ref = NEW.study_ref)))
BEGIN SELECT RAISE(ABORT, 'a signed report is immutable: add an addendum'); END;
CREATE TRIGGER signed_version_no_replace BEFORE INSERT ON report_versions
	WHEN EXISTS (SELECT 1 FROM report_versions v JOIN reports r ON r.id = v.report_ref WHERE r.status = 'signed'
		AND (v.id = NEW.id OR (v.report_ref = NEW.report_ref AND v.version_no = NEW.version_no)))
BEGIN SELECT RAISE(ABORT, 'versions of a signed report are immutable'); END;
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit_log
	WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
