/**
 * Import history (one row per batch: a folder, an upload, a C-STORE association) with its per-file
 * report, and the indexes the worklist sorts and searches by at 100,000 studies.
 */
export const importsSchema = `
CREATE TABLE import_events (
	id INTEGER PRIMARY KEY,
	job_id TEXT NOT NULL UNIQUE,
	source TEXT NOT NULL CHECK (source IN ('folder','upload','receiver','cli')),
	started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
	finished_at TEXT,
	files INTEGER NOT NULL DEFAULT 0,
	imported INTEGER NOT NULL DEFAULT 0,
	duplicates INTEGER NOT NULL DEFAULT 0,
	failed INTEGER NOT NULL DEFAULT 0,
	report_json TEXT
);
CREATE INDEX import_events_by_start ON import_events(started_at);
CREATE INDEX patients_by_name ON patients(name);
CREATE INDEX studies_by_priority ON studies(priority, id);
CREATE INDEX instances_by_sha ON instances(file_sha256);
`;
