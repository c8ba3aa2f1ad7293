import type { Workstation } from '../src/node/workstation/Workstation.js';

/** Fills a database with `n` synthetic studies (2 images each) for worklist benchmarks; no files. */
export function seedStudies(db: Workstation['db'], n: number): void {
	const names = ['Smith', 'Jones', 'Garcia', 'Müller', 'Rossi', 'Nguyen', 'Kowalski', 'Dubois', 'Silva', 'Tanaka'];
	const given = ['Anna', 'Ben', 'Chen', 'Dana', 'Emil', 'Fatima', 'Goran', 'Hana'];
	const statuses = ['new', 'drafted', 'in_review', 'signed'];
	const patient = db.prepare('INSERT INTO patients (patient_id, name, sex) VALUES (?, ?, ?)');
	const study = db.prepare(
		`INSERT INTO studies (study_instance_uid, patient_ref, study_date, modality, body_part, status, priority,
		imported_at) VALUES (?, ?, ?, 'DX', 'CHEST', ?, ?, ?)`,
	);
	const series = db.prepare(
		"INSERT INTO series (series_instance_uid, study_ref, modality, view_position) VALUES (?, ?, 'DX', ?)",
	);
	const instance = db.prepare(
		`INSERT INTO instances (sop_instance_uid, series_ref, rows, columns, view_position, file_sha256, file_size)
		VALUES (?, ?, 2800, 2300, ?, 'x', 1)`,
	);
	db.transaction(() => {
		for (let i = 0; i < n; i++) {
			const p = Number(
				patient.run(`P${i}`, `${names[i % names.length]}, ${given[i % given.length]} ${i}`, i % 2 ? 'F' : 'M')
					.lastInsertRowid,
			);
			const two = (k: number) => String(k).padStart(2, '0');
			const date = `20${two(10 + (i % 15))}${two(1 + (i % 12))}${two(1 + (i % 28))}`;
			const s = Number(
				study.run(
					`1.2.3.${i}`,
					p,
					date,
					statuses[i % 4],
					i % 50 === 0 ? 'urgent' : 'routine',
					new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
				).lastInsertRowid,
			);
			for (const view of ['PA', 'LL']) {
				const se = Number(series.run(`1.2.3.${i}.${view}`, s, view).lastInsertRowid);
				instance.run(`1.2.3.${i}.${view}.1`, se, view);
			}
		}
	})();
}
