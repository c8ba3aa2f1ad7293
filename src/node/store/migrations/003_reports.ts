/**
 * Reports and everything around them: versions, finding decisions, corrections, conversations,
 * the patient handout and the audit log. Immutability is enforced here too, not only in code: a
 * signed report, its versions and every audit row cannot be updated or deleted (triggers RAISE).
 */
export const reportsSchema = `
CREATE TABLE reports (
	id INTEGER PRIMARY KEY,
	study_ref INTEGER NOT NULL REFERENCES studies(id),
	kind TEXT NOT NULL CHECK (kind IN ('report','addendum')),
	parent_ref INTEGER REFERENCES reports(id),
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','signed')),
	findings_text TEXT NOT NULL DEFAULT '',
	impression_text TEXT NOT NULL DEFAULT '',
	-- The CheXpert labels the current text was written from (JSON array): corrections are computed against it.
	basis_labels TEXT NOT NULL DEFAULT '[]',
	ai_generated INTEGER NOT NULL DEFAULT 0,
	model_notice TEXT,
	draft_prompt TEXT,
	signed_by TEXT,
	signed_at TEXT,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	CHECK (kind = 'report' OR parent_ref IS NOT NULL),
	CHECK (status = 'draft' OR (signed_by IS NOT NULL AND signed_at IS NOT NULL))
);
CREATE UNIQUE INDEX one_report_per_study ON reports(study_ref) WHERE kind = 'report';
CREATE INDEX reports_by_parent ON reports(parent_ref);
CREATE TRIGGER signed_report_no_update BEFORE UPDATE ON reports WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed report is immutable: add an addendum'); END;
CREATE TRIGGER signed_report_no_delete BEFORE DELETE ON reports WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed report cannot be deleted'); END;
CREATE TRIGGER addendum_only_to_signed BEFORE INSERT ON reports WHEN NEW.kind = 'addendum'
	AND (SELECT status FROM reports WHERE id = NEW.parent_ref) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'an addendum belongs to a signed report'); END;

CREATE TABLE report_versions (
	id INTEGER PRIMARY KEY,
	report_ref INTEGER NOT NULL REFERENCES reports(id),
	version_no INTEGER NOT NULL,
	source TEXT NOT NULL CHECK (source IN ('draft','correction','edit','sign','addendum')),
	findings_text TEXT NOT NULL,
	impression_text TEXT NOT NULL,
	author TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	UNIQUE (report_ref, version_no)
);
CREATE TRIGGER signed_version_no_update BEFORE UPDATE ON report_versions
	WHEN (SELECT status FROM reports WHERE id = OLD.report_ref) = 'signed'
BEGIN SELECT RAISE(ABORT, 'versions of a signed report are immutable'); END;
CREATE TRIGGER signed_version_no_delete BEFORE DELETE ON report_versions
	WHEN (SELECT status FROM reports WHERE id = OLD.report_ref) = 'signed'
BEGIN SELECT RAISE(ABORT, 'versions of a signed report cannot be deleted'); END;
CREATE TRIGGER signed_report_no_new_version BEFORE INSERT ON report_versions
	WHEN (SELECT status FROM reports WHERE id = NEW.report_ref) = 'signed' AND NEW.source NOT IN ('sign','addendum')
BEGIN SELECT RAISE(ABORT, 'a signed report takes no new versions: add an addendum'); END;

CREATE TABLE finding_predictions (
	study_ref INTEGER NOT NULL REFERENCES studies(id),
	label TEXT NOT NULL,
	probability REAL NOT NULL,
	predicted_positive INTEGER NOT NULL,
	-- null: not yet decided (the prediction stands); accepted / rejected by the reader.
	decision TEXT CHECK (decision IN ('accepted','rejected')),
	decided_by TEXT,
	decided_at TEXT,
	PRIMARY KEY (study_ref, label)
);

CREATE TABLE corrections (
	id INTEGER PRIMARY KEY,
	report_ref INTEGER NOT NULL REFERENCES reports(id),
	add_labels TEXT NOT NULL,
	remove_labels TEXT NOT NULL,
	prompt TEXT NOT NULL,
	before_text TEXT NOT NULL,
	after_text TEXT NOT NULL,
	author TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

CREATE TABLE conversations (
	id INTEGER PRIMARY KEY,
	study_ref INTEGER NOT NULL UNIQUE REFERENCES studies(id),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE TABLE messages (
	id INTEGER PRIMARY KEY,
	conversation_ref INTEGER NOT NULL REFERENCES conversations(id),
	role TEXT NOT NULL CHECK (role IN ('user','assistant')),
	task TEXT NOT NULL,
	text TEXT NOT NULL,
	-- The exact message sent to the model, and the report it was asked about (for the dataset export).
	prompt TEXT,
	report_text TEXT,
	stopped_by TEXT,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX messages_by_conversation ON messages(conversation_ref, id);

CREATE TABLE handouts (
	study_ref INTEGER PRIMARY KEY REFERENCES studies(id),
	ai_text TEXT NOT NULL,
	text TEXT NOT NULL,
	reviewed_by TEXT,
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	-- No foreign keys: the log outlives whatever it speaks of.
	study_ref INTEGER,
	report_ref INTEGER,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT '{}',
	at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX audit_by_study ON audit_log(study_ref, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
