/**
 * Worklist search at a million studies. The search table is rebuilt with two changes, its name, columns and
 * triggers (migration 12) unchanged:
 * - prefix indexes for typed words of 1 to 8 characters, so a short word ("a", "acc00") is one list of
 *   studies read in order instead of hundreds of thousands of words' lists merged before the first match;
 * - the folded text kept (FTS5's own content table), so a word matched by most of the list is checked
 *   row by row while walking the sort's index, stopping at one page.
 * A kept text has a primary key: migration 12's triggers write it with INSERT OR REPLACE, which an upsert
 * of a patient or study turns into ABORT (the outer statement's conflict rule wins). So the old text is
 * deleted first, in BEFORE triggers with the same conditions.
 */
const changed = (cols: string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

export const searchPrefixesSchema = `
DROP TABLE worklist_search;
CREATE VIRTUAL TABLE worklist_search USING fts5(text, prefix = '1 2 3 4 5 6 7 8',
	tokenize = "unicode61 remove_diacritics 0 tokenchars '%_'");
INSERT INTO worklist_search (rowid, text)
SELECT s.id, fold_search_key(p.name || ' ' || coalesce(p.person_name, '') || ' ' || p.patient_id || ' ' ||
	coalesce(s.accession_number, '') || ' ' || coalesce(s.description, ''))
FROM studies s JOIN patients p ON p.id = s.patient_ref;
CREATE TRIGGER worklist_study_search_clear BEFORE UPDATE ON studies WHEN ${changed([
	'patient_ref',
	'accession_number',
	'description',
])} BEGIN
	DELETE FROM worklist_search WHERE rowid = OLD.id;
END;
CREATE TRIGGER worklist_patient_search_clear BEFORE UPDATE ON patients WHEN ${changed([
	'name',
	'person_name',
	'patient_id',
	'birth_date',
])} BEGIN
	DELETE FROM worklist_search WHERE rowid IN (SELECT id FROM studies WHERE patient_ref = OLD.id);
END;
`;
