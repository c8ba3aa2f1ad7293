/**
 * A received image touches two columns of its study's worklist row, not all eleven. Migration 12's trigger
 * rewrote the whole row per instance, and SQLite rewrites every index over a column an UPDATE sets: 21
 * index entries and their pages in the WAL for each image, most of a receiver's time per image. Now the
 * image count goes up by one (two indexes), and the views are set only when this image adds a view.
 */
const studyOfNew = '(SELECT study_ref FROM series WHERE id = NEW.series_ref)';
const viewsOf = (study: string) => `ifnull((SELECT group_concat(v) FROM (SELECT DISTINCT
	coalesce(i.view_position, se.view_position) AS v FROM series se JOIN instances i ON i.series_ref = se.id
	WHERE se.study_ref = ${study} ORDER BY v)), '')`;

export const imageRowsSchema = `
DROP TRIGGER worklist_instance_insert;
CREATE TRIGGER worklist_instance_insert AFTER INSERT ON instances BEGIN
	UPDATE worklist_rows SET image_count = image_count + 1 WHERE study_id = ${studyOfNew};
	UPDATE worklist_rows SET views = ${viewsOf('worklist_rows.study_id')}
		WHERE study_id = ${studyOfNew} AND views IS NOT ${viewsOf('worklist_rows.study_id')};
END;
`;
