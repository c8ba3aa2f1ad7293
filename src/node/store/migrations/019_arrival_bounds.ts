/**
 * The walked sorts' keys bounded per run of arrivals. Study ids are given in arrival order, and a search's
 * matches lie between its first and its last arrival (the search index's own order). In a sort whose keys
 * grow with arrival, as patient IDs and accession-like keys do where a hospital numbers them in turn, the
 * studies that arrived before the first match fill the start of the sort's index: a search for this
 * month's accessions in patient-ID order walked 467,000 of a million studies before its first match. For
 * each run of 256 arrivals this table keeps the smallest and the largest key of each sort the search walks
 * (name, patient ID, age, study date), so the walk starts at the least key of the runs the matches lie in.
 *
 * The bounds only ever widen (a trigger on every write of a worklist row), so they hold every key a row of
 * the run has had: a renamed patient or a deleted study leaves a wider bound, never a wrong one.
 */
export const arrivalRunBits = 8;

/** The sorts whose index a search walks (the few-valued ones seek value by value instead). */
export const boundedSortColumns = ['patient_name', 'patient_id', 'age', 'study_date'] as const;

const run = `study_id >> ${arrivalRunBits}`;
const widen = boundedSortColumns
	.map((c) => `${c}_low = min(${c}_low, excluded.${c}_low), ${c}_high = max(${c}_high, excluded.${c}_high)`)
	.join(',\n\t\t');
const upsert = (values: string, from: string) => `
	INSERT INTO worklist_arrival_bounds (run, ${boundedSortColumns.map((c) => `${c}_low, ${c}_high`).join(', ')})
	${values} ${from}
	ON CONFLICT (run) DO UPDATE SET ${widen};`;

export const arrivalBoundsSchema = `
CREATE TABLE worklist_arrival_bounds (
	run INTEGER PRIMARY KEY,
	${boundedSortColumns.map((c) => `${c}_low NOT NULL, ${c}_high NOT NULL`).join(',\n\t')}
);
CREATE TRIGGER worklist_bounds_insert AFTER INSERT ON worklist_rows BEGIN
	${upsert(`VALUES (NEW.${run}, ${boundedSortColumns.map((c) => `NEW.${c}, NEW.${c}`).join(', ')})`, '')}
END;
CREATE TRIGGER worklist_bounds_update AFTER UPDATE OF ${boundedSortColumns.join(', ')} ON worklist_rows BEGIN
	${upsert(`VALUES (NEW.${run}, ${boundedSortColumns.map((c) => `NEW.${c}, NEW.${c}`).join(', ')})`, '')}
END;
${upsert(
	`SELECT ${run}, ${boundedSortColumns.map((c) => `min(${c}), max(${c})`).join(', ')}`,
	// WHERE true: an INSERT … SELECT before ON CONFLICT needs a WHERE to parse (SQLite's upsert grammar).
	`FROM worklist_rows WHERE true GROUP BY ${run}`,
)}
`;
