/**
 * Worklist search at a million studies. The search table is rebuilt with two changes, its name, columns and
 * triggers (migration 12) unchanged:
 * - prefix indexes for typed words of 1 to 8 characters, so a short word ("a", "acc00") is one list of
 *   studies read in order instead of hundreds of thousands of words' lists merged before the first match;
 * - the folded text kept (FTS5's own content table, no trigger of ours), so a word matched by most of
 *   the list is checked row by row while walking the sort's index, stopping at one page.
 */
export const searchPrefixesSchema = `
DROP TABLE worklist_search;
CREATE VIRTUAL TABLE worklist_search USING fts5(text, prefix = '1 2 3 4 5 6 7 8',
	tokenize = "unicode61 remove_diacritics 0 tokenchars '%_'");
INSERT INTO worklist_search (rowid, text)
SELECT s.id, fold_search_key(p.name || ' ' || coalesce(p.person_name, '') || ' ' || p.patient_id || ' ' ||
	coalesce(s.accession_number, '') || ' ' || coalesce(s.description, ''))
FROM studies s JOIN patients p ON p.id = s.patient_ref;
`;
