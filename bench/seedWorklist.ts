import { worklistRowsBackfill } from '../src/node/store/worklistRowsBackfill.js';
import type { SqliteDatabase } from '../src/node/store/openDatabase.js';

const first = ['Ba', 'Ko', 'Mü', 'Sch', 'Ga', 'Ro', 'Ng', 'Du', 'Si', 'Ta', 'Pe', 'Ha', 'Lé', 'Fi', 'Wo', 'Ja', 'Øs'];
const middle = ['ll', 'rc', 'n', 'ss', 'rt', 'v', 'm', 'k', 'nd', 'br', 'l', 'tz'];
const last = ['er', 'ia', 'ov', 'ski', 'ez', 'ani', 'son', 'ois', 'ka', 'uyen', 'dt', 'ard', 'ing'];
const given = ['Anna', 'Ben', 'Chen', 'Dana', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ines', 'José', 'Kai', 'Léa'];
const descriptions = [
	'XR CHEST PA AND LATERAL',
	'XR CHEST 1 VIEW',
	'CHEST AP PORTABLE',
	'Thorax p.a. + seitlich',
	'Thorax liegend',
	'RX TORACE 2 PROIEZIONI',
	'XR RIBS BILATERAL',
	'Follow-up pneumonia',
	'Pre-operative chest',
	'Line placement check',
];
const statuses = ['signed', 'signed', 'signed', 'signed', 'signed', 'signed', 'new', 'drafted', 'in_review', 'signed'];

/** A surname from syllables (2,652 of them, some with diacritics), so a name search matches a realistic share. */
function surname(i: number): string {
	return first[i % first.length]! + middle[(i >> 5) % middle.length]! + last[(i >> 9) % last.length]!;
}

/**
 * Adds studies `from`..`to`-1 to the database: three studies per patient, one or two images each, dates
 * over 15 years, 60 % signed. Batches of 50,000 rows in a transaction each, prepared statements. The
 * worklist's triggers are set aside meanwhile and the new studies' worklist rows and search text filled
 * in one pass by worklistRowsBackfill (row by row through the triggers takes ~10× longer); the real imports
 * the bench times go through the triggers.
 */
export function seedWorklist(db: SqliteDatabase, from: number, to: number): void {
	const patient = db.prepare(
		`INSERT INTO patients (patient_id, name, sex, birth_date, search_key) VALUES (?, ?, ?, ?,
		fold_search_key(?)) ON CONFLICT DO NOTHING`,
	);
	const patientRef = db.prepare('SELECT id FROM patients WHERE patient_id = ?').pluck();
	const study = db.prepare(
		`INSERT INTO studies (study_instance_uid, patient_ref, study_date, accession_number, description,
		modality, body_part, status, priority, imported_at) VALUES (?, ?, ?, ?, ?, ?, 'CHEST', ?, ?, ?)`,
	);
	const series = db.prepare(
		"INSERT INTO series (series_instance_uid, study_ref, modality, view_position) VALUES (?, ?, 'DX', ?)",
	);
	const instance = db.prepare(
		`INSERT INTO instances (sop_instance_uid, series_ref, rows, columns, view_position, file_sha256, file_size)
		VALUES (?, ?, 2800, 2300, ?, 'x', 1)`,
	);
	const two = (k: number) => String(k).padStart(2, '0');
	const batch = db.transaction((a: number, b: number) => {
		for (let i = a; i < b; i++) {
			const p = Math.floor(i / 3);
			const pid = `P${String(p * 7919).padStart(9, '0')}`;
			const name = `${surname(p * 31)}, ${given[p % given.length]!}`;
			patient.run(pid, name, p % 2 ? 'F' : 'M', `19${two(30 + (p % 70))}0${1 + (p % 9)}15`, name);
			const ref = patientRef.get(pid) as number;
			const date = `20${two(10 + (i % 15))}${two(1 + ((i >> 4) % 12))}${two(1 + ((i >> 8) % 28))}`;
			const s = Number(
				study.run(
					`1.2.826.0.1.${i}`,
					ref,
					date,
					`ACC${String(i * 13).padStart(10, '0')}`,
					descriptions[(i >> 3) % descriptions.length],
					i % 97 === 0 ? 'CR' : 'DX',
					statuses[(i * 7) % statuses.length],
					i % 50 === 0 ? 'urgent' : i % 331 === 0 ? 'stat' : 'routine',
					new Date(Date.UTC(2020, 0, 1) + i * 30_000).toISOString(),
				).lastInsertRowid,
			);
			for (const view of i % 5 ? ['PA', 'LL'] : ['AP']) {
				const se = Number(series.run(`1.2.826.0.1.${i}.${view}`, s, view).lastInsertRowid);
				instance.run(`1.2.826.0.1.${i}.${view}.1`, se, view);
			}
		}
	});
	const triggers = db
		.prepare(
			`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'worklist%'
			AND tbl_name <> 'worklist_rows'`,
		)
		.all() as { name: string; sql: string }[];
	const lastId = db.prepare('SELECT ifnull(max(id), 0) FROM studies').pluck().get() as number;
	for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
	try {
		for (let a = from; a < to; a += 50_000) batch(a, Math.min(to, a + 50_000));
		db.transaction(() => db.exec(worklistRowsBackfill(`s.id > ${Math.trunc(lastId)}`)))();
	} finally {
		for (const t of triggers) db.exec(t.sql);
	}
}
