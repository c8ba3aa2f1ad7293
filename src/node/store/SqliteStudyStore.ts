import type { SqliteDatabase } from './openDatabase.js';

/** What the importer knows about one instance after reading its header. */
export interface InstanceRecord {
	readonly sopInstanceUid: string;
	readonly sopClassUid: string | null;
	readonly transferSyntaxUid: string;
	readonly studyInstanceUid: string;
	readonly seriesInstanceUid: string;
	readonly patientId: string;
	readonly issuerOfPatientId: string;
	readonly patientName: string;
	readonly patientBirthDate: string | null;
	readonly patientSex: string | null;
	readonly patientAge: string | null;
	readonly studyDate: string | null;
	readonly studyTime: string | null;
	readonly accessionNumber: string | null;
	readonly studyDescription: string | null;
	readonly modality: string | null;
	readonly bodyPart: string | null;
	readonly seriesNumber: number | null;
	readonly instanceNumber: number | null;
	readonly viewPosition: string | null;
	readonly rows: number | null;
	readonly columns: number | null;
	readonly frames: number;
	readonly fileSha256: string;
	readonly fileSize: number;
}

export interface SavedInstance {
	readonly studyId: number;
	readonly instanceId: number;
	/** The SOP Instance UID was already stored: nothing was written. */
	readonly duplicate: boolean;
}

export interface StudyRow {
	id: number;
	study_instance_uid: string;
	study_date: string | null;
	study_time: string | null;
	accession_number: string | null;
	description: string | null;
	patient_age: string | null;
	modality: string | null;
	body_part: string | null;
	status: string;
	priority: string;
	patient_id: string;
	name: string;
	birth_date: string | null;
	sex: string | null;
}

export interface InstanceRow {
	id: number;
	sop_instance_uid: string;
	series_ref: number;
	series_instance_uid: string;
	series_number: number | null;
	series_modality: string | null;
	instance_number: number | null;
	rows: number | null;
	columns: number | null;
	frames: number;
	view_position: string | null;
	transfer_syntax_uid: string | null;
	file_sha256: string;
}

export interface ImportEventCounts {
	files: number;
	imported: number;
	duplicates: number;
	failed: number;
}

/** Patients, studies, series and instances in SQLite; one transaction per instance keeps a batch resumable. */
export class SqliteStudyStore {
	private readonly saveTx: (r: InstanceRecord) => SavedInstance;

	constructor(private readonly db: SqliteDatabase) {
		const findInstance = db.prepare(
			`SELECT i.id, se.study_ref AS studyId FROM instances i JOIN series se ON se.id = i.series_ref
				WHERE i.sop_instance_uid = ?`,
		);
		const upsertPatient = db.prepare(`INSERT INTO patients (patient_id, issuer, name, birth_date, sex)
				VALUES (@patientId, @issuer, @patientName, @patientBirthDate, @patientSex)
			ON CONFLICT (patient_id, issuer) DO UPDATE SET name = CASE WHEN name = '' THEN excluded.name ELSE name END,
				birth_date = coalesce(birth_date, excluded.birth_date), sex = coalesce(sex, excluded.sex)
			RETURNING id`);
		const upsertStudy =
			db.prepare(`INSERT INTO studies (study_instance_uid, patient_ref, study_date, study_time, accession_number,
				description, patient_age, modality, body_part)
			VALUES (@studyInstanceUid, @patientRef, @studyDate, @studyTime, @accessionNumber, @studyDescription,
				@patientAge, @modality, @bodyPart)
			ON CONFLICT (study_instance_uid) DO UPDATE SET modality = coalesce(modality, excluded.modality),
				body_part = coalesce(body_part, excluded.body_part)
			RETURNING id`);
		const upsertSeries =
			db.prepare(`INSERT INTO series (series_instance_uid, study_ref, modality, series_number, body_part,
				view_position)
			VALUES (@seriesInstanceUid, @studyRef, @modality, @seriesNumber, @bodyPart, @viewPosition)
			ON CONFLICT (series_instance_uid) DO UPDATE SET view_position = coalesce(view_position,
				excluded.view_position)
			RETURNING id`);
		const insertInstance =
			db.prepare(`INSERT INTO instances (sop_instance_uid, series_ref, sop_class_uid, transfer_syntax_uid,
				instance_number, rows, columns, frames, view_position, file_sha256, file_size)
			VALUES (@sopInstanceUid, @seriesRef, @sopClassUid, @transferSyntaxUid, @instanceNumber, @rows, @columns,
				@frames, @viewPosition, @fileSha256, @fileSize)`);
		this.saveTx = db.transaction((r: InstanceRecord): SavedInstance => {
			const existing = findInstance.get(r.sopInstanceUid) as { id: number; studyId: number } | undefined;
			if (existing) return { studyId: existing.studyId, instanceId: existing.id, duplicate: true };
			// An empty Patient ID is legal DICOM; keep such patients apart per study rather than merging strangers.
			const issuer = r.patientId ? r.issuerOfPatientId : `study:${r.studyInstanceUid}`;
			const patientRef = (upsertPatient.get({ ...r, issuer }) as { id: number }).id;
			const studyRef = (upsertStudy.get({ ...r, patientRef }) as { id: number }).id;
			const seriesRef = (upsertSeries.get({ ...r, studyRef }) as { id: number }).id;
			const instanceId = Number(insertInstance.run({ ...r, seriesRef }).lastInsertRowid);
			return { studyId: studyRef, instanceId, duplicate: false };
		});
	}

	/** Runs `fn` in one transaction; saveInstance calls inside it become savepoints. */
	inTransaction(fn: () => void): void {
		this.db.transaction(fn)();
	}

	saveInstance(record: InstanceRecord): SavedInstance {
		return this.saveTx(record);
	}

	findInstance(sopInstanceUid: string): { studyId: number; instanceId: number } | undefined {
		return this.db
			.prepare(
				`SELECT i.id AS instanceId, se.study_ref AS studyId FROM instances i JOIN series se
					ON se.id = i.series_ref WHERE i.sop_instance_uid = ?`,
			)
			.get(sopInstanceUid) as { studyId: number; instanceId: number } | undefined;
	}

	study(studyId: number): StudyRow | undefined {
		return this.db
			.prepare(
				`SELECT s.id, s.study_instance_uid, s.study_date, s.study_time, s.accession_number, s.description,
					s.patient_age,
			s.modality, s.body_part, s.status, s.priority, p.patient_id, p.name, p.birth_date, p.sex
			FROM studies s JOIN patients p ON p.id = s.patient_ref WHERE s.id = ?`,
			)
			.get(studyId) as StudyRow | undefined;
	}

	instancesOfStudy(studyId: number): InstanceRow[] {
		return this.db
			.prepare(
				`SELECT i.id, i.sop_instance_uid, i.series_ref, se.series_instance_uid, se.series_number,
					se.modality AS series_modality,
			i.instance_number, i.rows, i.columns, i.frames, coalesce(i.view_position,
				se.view_position) AS view_position, i.transfer_syntax_uid, i.file_sha256
			FROM instances i JOIN series se ON se.id = i.series_ref WHERE se.study_ref = ?
			ORDER BY se.series_number, se.id, i.instance_number, i.id`,
			)
			.all(studyId) as InstanceRow[];
	}

	instance(instanceId: number): InstanceRow | undefined {
		return this.db
			.prepare(
				`SELECT i.id, i.sop_instance_uid, i.series_ref, se.series_instance_uid, se.series_number,
					se.modality AS series_modality,
			i.instance_number, i.rows, i.columns, i.frames, coalesce(i.view_position,
				se.view_position) AS view_position, i.transfer_syntax_uid, i.file_sha256
			FROM instances i JOIN series se ON se.id = i.series_ref WHERE i.id = ?`,
			)
			.get(instanceId) as InstanceRow | undefined;
	}

	startImport(jobId: string, source: 'folder' | 'upload' | 'receiver' | 'cli'): void {
		this.db.prepare('INSERT INTO import_events (job_id, source) VALUES (?, ?)').run(jobId, source);
	}

	finishImport(jobId: string, counts: ImportEventCounts, report: unknown): void {
		this.db
			.prepare(
				`UPDATE import_events SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), files = @files,
					imported = @imported,
			duplicates = @duplicates, failed = @failed, report_json = @report WHERE job_id = @jobId`,
			)
			.run({ ...counts, jobId, report: JSON.stringify(report) });
	}

	recentImports(limit: number): {
		job_id: string;
		source: string;
		started_at: string;
		finished_at: string | null;
		files: number;
		imported: number;
		duplicates: number;
		failed: number;
		report_json: string | null;
	}[] {
		return this.db
			.prepare(
				`SELECT job_id, source, started_at, finished_at, files, imported, duplicates, failed, report_json
					FROM import_events ORDER BY id DESC LIMIT ?`,
			)
			.all(limit) as never;
	}
}
