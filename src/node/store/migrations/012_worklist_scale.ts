/**
 * The worklist at a million studies. Every column it sorts by, including those computed from the patient
 * (name, ID, age at the study) and from the images (views, count), is kept per study in worklist_rows,
 * never NULL, each with an index (key, study id), so every sort and every keyset page reads an index, and
 * one (status, key, study id), so a status filter reads one range per status however rare the status.
 * worklist_counts holds the studies per status, so the count above the list costs no scan. worklist_search
 * (FTS5) indexes the folded text (foldSearchKey) of the patient's name, ID, accession and description for
 * prefix search; `%` and `_` are token characters so a search for them stays literal. Triggers keep all
 * three in step with every write; existing rows are filled in here.
 */
const rowOf = (where: string) => `
INSERT INTO worklist_rows (study_id, imported, patient_name, patient_id, age, study_date, modality, body_part,
	views, image_count, status, priority)
SELECT s.id, s.imported_at, p.name, p.patient_id,
	ifnull(coalesce(${day('s.study_date')} - ${day('p.birth_date')},
		CASE WHEN s.patient_age GLOB '[0-9][0-9][0-9][DWMY]' THEN CAST(substr(s.patient_age,1,3) AS INTEGER) *
			CASE substr(s.patient_age,4,1) WHEN 'Y' THEN 365.25 WHEN 'M' THEN 30.44 WHEN 'W' THEN 7 ELSE 1 END END),
		-1e9),
	ifnull(s.study_date, ''), ifnull(s.modality, ''), ifnull(s.body_part, ''),
	ifnull((SELECT group_concat(v) FROM (SELECT DISTINCT coalesce(i.view_position, se.view_position) AS v
		FROM series se JOIN instances i ON i.series_ref = se.id WHERE se.study_ref = s.id ORDER BY v)), ''),
	(SELECT count(*) FROM series se JOIN instances i ON i.series_ref = se.id WHERE se.study_ref = s.id),
	s.status, CASE s.priority WHEN 'stat' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END
FROM studies s JOIN patients p ON p.id = s.patient_ref WHERE ${where}
ON CONFLICT (study_id) DO UPDATE SET imported = excluded.imported, patient_name = excluded.patient_name,
	patient_id = excluded.patient_id, age = excluded.age, study_date = excluded.study_date,
	modality = excluded.modality, body_part = excluded.body_part, views = excluded.views,
	image_count = excluded.image_count, status = excluded.status, priority = excluded.priority;`;

function day(c: string): string {
	return `julianday(substr(${c},1,4)||'-'||substr(${c},5,2)||'-'||substr(${c},7,2))`;
}

// INSERT OR REPLACE, not a DELETE by rowid list: FTS5 would scan its whole table for `rowid IN (...)`.
const searchOf = (where: string) => `
INSERT OR REPLACE INTO worklist_search (rowid, text)
SELECT s.id, fold_search_key(p.name || ' ' || coalesce(p.person_name, '') || ' ' || p.patient_id || ' ' ||
	coalesce(s.accession_number, '') || ' ' || coalesce(s.description, ''))
FROM studies s JOIN patients p ON p.id = s.patient_ref WHERE ${where};`;

const sortKeys = [
	'imported',
	'patient_name',
	'patient_id',
	'age',
	'study_date',
	'modality',
	'body_part',
	'views',
	'image_count',
	'status',
	'priority',
];
const changed = (cols: string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

/** Fills worklist_rows and worklist_search for the studies `where` selects (alias s), as the triggers would. */
export function worklistBackfill(where: string): string {
	return rowOf(where) + searchOf(where);
}

export const worklistScaleSchema = `
CREATE TABLE worklist_rows (
	study_id INTEGER PRIMARY KEY REFERENCES studies(id) ON DELETE CASCADE,
	imported TEXT NOT NULL, patient_name TEXT NOT NULL, patient_id TEXT NOT NULL, age REAL NOT NULL,
	study_date TEXT NOT NULL, modality TEXT NOT NULL, body_part TEXT NOT NULL, views TEXT NOT NULL,
	image_count INTEGER NOT NULL, status TEXT NOT NULL, priority INTEGER NOT NULL
);
${sortKeys.map((k) => `CREATE INDEX worklist_by_${k} ON worklist_rows(${k}, study_id);`).join('\n')}
${sortKeys
	.filter((k) => k !== 'status')
	.map((k) => `CREATE INDEX worklist_by_status_${k} ON worklist_rows(status, ${k}, study_id);`)
	.join('\n')}
CREATE TABLE worklist_counts (status TEXT PRIMARY KEY, studies INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO worklist_counts VALUES ('new', 0), ('drafted', 0), ('in_review', 0), ('signed', 0);
CREATE TRIGGER worklist_counts_insert AFTER INSERT ON worklist_rows BEGIN
	UPDATE worklist_counts SET studies = studies + 1 WHERE status = NEW.status;
END;
CREATE TRIGGER worklist_counts_delete AFTER DELETE ON worklist_rows BEGIN
	UPDATE worklist_counts SET studies = studies - 1 WHERE status = OLD.status;
END;
CREATE TRIGGER worklist_counts_update AFTER UPDATE OF status ON worklist_rows WHEN OLD.status IS NOT NEW.status
BEGIN
	UPDATE worklist_counts SET studies = studies - 1 WHERE status = OLD.status;
	UPDATE worklist_counts SET studies = studies + 1 WHERE status = NEW.status;
END;
CREATE VIRTUAL TABLE worklist_search USING fts5(text, content = '', contentless_delete = 1,
	tokenize = "unicode61 remove_diacritics 0 tokenchars '%_'");

${worklistBackfill('true')}

CREATE TRIGGER worklist_study_insert AFTER INSERT ON studies BEGIN
	${rowOf('s.id = NEW.id')}
	${searchOf('s.id = NEW.id')}
END;
CREATE TRIGGER worklist_study_update AFTER UPDATE ON studies WHEN ${changed([
	'patient_ref',
	'study_date',
	'patient_age',
	'modality',
	'body_part',
	'status',
	'priority',
	'imported_at',
])} BEGIN
	${rowOf('s.id = NEW.id')}
END;
CREATE TRIGGER worklist_study_search AFTER UPDATE ON studies WHEN ${changed([
	'patient_ref',
	'accession_number',
	'description',
])} BEGIN
	${searchOf('s.id = NEW.id')}
END;
CREATE TRIGGER worklist_study_delete AFTER DELETE ON studies BEGIN
	DELETE FROM worklist_rows WHERE study_id = OLD.id;
	DELETE FROM worklist_search WHERE rowid = OLD.id;
END;
CREATE TRIGGER worklist_patient_update AFTER UPDATE ON patients WHEN ${changed([
	'name',
	'person_name',
	'patient_id',
	'birth_date',
])} BEGIN
	${rowOf('s.patient_ref = NEW.id')}
	${searchOf('s.patient_ref = NEW.id')}
END;
CREATE TRIGGER worklist_instance_insert AFTER INSERT ON instances BEGIN
	${rowOf('s.id = (SELECT study_ref FROM series WHERE id = NEW.series_ref)')}
END;
CREATE TRIGGER worklist_instance_delete AFTER DELETE ON instances BEGIN
	${rowOf('s.id = (SELECT study_ref FROM series WHERE id = OLD.series_ref)')}
END;
CREATE TRIGGER worklist_instance_update AFTER UPDATE ON instances WHEN ${changed(['series_ref', 'view_position'])}
BEGIN
	${rowOf('s.id IN (SELECT study_ref FROM series WHERE id IN (OLD.series_ref, NEW.series_ref))')}
END;
CREATE TRIGGER worklist_series_update AFTER UPDATE ON series WHEN ${changed(['study_ref', 'view_position'])}
BEGIN
	${rowOf('s.id IN (OLD.study_ref, NEW.study_ref)')}
END;
CREATE TRIGGER worklist_series_delete AFTER DELETE ON series BEGIN
	${rowOf('s.id = OLD.study_ref')}
END;
`;
