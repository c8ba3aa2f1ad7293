/** Patients, studies, series and instances as DICOM names them; the worklist reads from these. */
export const studiesSchema = `
CREATE TABLE patients (
	id INTEGER PRIMARY KEY,
	patient_id TEXT NOT NULL,
	issuer TEXT NOT NULL DEFAULT '',
	name TEXT NOT NULL DEFAULT '',
	birth_date TEXT,
	sex TEXT,
	UNIQUE (patient_id, issuer)
);
CREATE TABLE studies (
	id INTEGER PRIMARY KEY,
	study_instance_uid TEXT NOT NULL UNIQUE,
	patient_ref INTEGER NOT NULL REFERENCES patients(id),
	study_date TEXT,
	study_time TEXT,
	accession_number TEXT,
	description TEXT,
	patient_age TEXT,
	modality TEXT,
	body_part TEXT,
	status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','drafted','in_review','signed')),
	priority TEXT NOT NULL DEFAULT 'routine' CHECK (priority IN ('routine','urgent','stat')),
	imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX studies_by_date ON studies(study_date, id);
CREATE INDEX studies_by_status ON studies(status, id);
CREATE INDEX studies_by_imported ON studies(imported_at, id);
CREATE INDEX studies_by_patient ON studies(patient_ref);
CREATE TABLE series (
	id INTEGER PRIMARY KEY,
	series_instance_uid TEXT NOT NULL UNIQUE,
	study_ref INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
	modality TEXT,
	series_number INTEGER,
	body_part TEXT,
	view_position TEXT
);
CREATE INDEX series_by_study ON series(study_ref);
CREATE TABLE instances (
	id INTEGER PRIMARY KEY,
	sop_instance_uid TEXT NOT NULL UNIQUE,
	series_ref INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
	sop_class_uid TEXT,
	transfer_syntax_uid TEXT,
	instance_number INTEGER,
	rows INTEGER,
	columns INTEGER,
	frames INTEGER NOT NULL DEFAULT 1,
	view_position TEXT,
	file_sha256 TEXT NOT NULL,
	file_size INTEGER NOT NULL
);
CREATE INDEX instances_by_series ON instances(series_ref);
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
`;
