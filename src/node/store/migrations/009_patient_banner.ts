/**
 * The patient banner and the worklist search. Studies keep the Referring Physician's Name (0008,0090),
 * null for studies imported before. Patients keep a search key folded for case and diacritics
 * (foldSearchKey: NFKD, combining marks dropped, case folded) so "muller" finds "Müller"; SQLite has no
 * such folding, so openDatabase registers fold_search_key() and existing patients are backfilled here.
 * The new sort keys get indexes where a plain column gives the order.
 */
export const patientBannerSchema = `
ALTER TABLE studies ADD COLUMN referring_physician TEXT;
ALTER TABLE patients ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE patients SET search_key = fold_search_key(name || ' ' || coalesce(person_name, ''));
CREATE INDEX studies_by_modality ON studies(modality, id);
CREATE INDEX studies_by_body_part ON studies(body_part, id);
CREATE INDEX patients_by_patient_id ON patients(patient_id);
`;
