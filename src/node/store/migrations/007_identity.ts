/**
 * Instance identity, as Orthanc keys it: an image belongs to one (patient, study, series). The UNIQUE
 * keys of migration 1 on study_instance_uid, series_instance_uid and sop_instance_uid stay: the store
 * refuses, before any insert, an image whose study, series or SOP Instance UID is already stored under
 * another patient, study or series (SqliteStudyStore.saveInstance). Refusing a conflict means a UID never
 * needs two rows, so no table rebuild is needed on databases in hospitals; the global keys then remain a
 * last line of defence against a merge. What this migration adds is the DICOM person name (decoded
 * Family^Given^Middle^Prefix^Suffix, beside the readable name) and the Study ID (0020,0010), which exports
 * need; both are null for images imported before, and filled in by the next image of that patient or study.
 */
export const identitySchema = `
ALTER TABLE patients ADD COLUMN person_name TEXT;
ALTER TABLE studies ADD COLUMN dicom_study_id TEXT;
`;
