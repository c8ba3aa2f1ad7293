import type { DicomHeader } from '../dicom/DicomHeader.js';
import { appendAuditRow } from './appendAuditRow.js';
import { findIdentityConflict } from './findIdentityConflict.js';
import type { IdentityConflict, StoredPlace } from './IdentityConflict.js';
import type { SqliteDatabase } from './openDatabase.js';

/** What the importer knows about one instance: its header, and the stored original's hash and size. */
export interface InstanceRecord extends Omit<DicomHeader, 'hasPixelData'> {
	readonly fileSha256: string;
	readonly fileSize: number;
}

/**
 * What saveInstance did. `compare_pixels`: the SOP Instance UID is stored under the same patient, study and
 * series but from other bytes; the caller decodes both (async, outside the transaction) and calls again with
 * the verdict, since a transcoded copy of the same pixels is a duplicate and other pixels are a conflict.
 */
export type SaveOutcome =
	| { readonly outcome: 'saved' | 'duplicate'; readonly studyId: number; readonly instanceId: number }
	| { readonly outcome: 'refused'; readonly conflict: IdentityConflict }
	| { readonly outcome: 'compare_pixels'; readonly storedSha256: string };

/** The caller's comparison of its pixels with those of the stored original `storedSha256`. */
export interface PixelVerdict {
	readonly storedSha256: string;
	readonly samePixels: boolean;
}

export interface SaveOptions {
	readonly pixels?: PixelVerdict | null;
	/** Runs just before the rows are written (the original goes to disk first, so no row points at nothing). */
	readonly beforeInsert?: () => void;
}

/** A refused file, for the audit log: who sent it, what it was called, why it was refused. */
export interface Refusal {
	readonly actor: string;
	readonly code: string;
	readonly file: string;
	readonly record: InstanceRecord;
	readonly conflict: IdentityConflict;
}

export interface StudyRow {
	id: number;
	study_instance_uid: string;
	study_date: string | null;
	study_time: string | null;
	accession_number: string | null;
	/** Study ID (0020,0010); null for studies imported before it was kept. */
	dicom_study_id: string | null;
	description: string | null;
	/** Referring Physician's Name (0008,0090) as a DICOM person name; null for studies imported before it was kept. */
	referring_physician: string | null;
	patient_age: string | null;
	modality: string | null;
	body_part: string | null;
	status: string;
	priority: string;
	patient_id: string;
	name: string;
	/** The DICOM person name, components kept ("Müller^Hans"); null for patients imported before it was kept. */
	person_name: string | null;
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
	/** Why its pixels cannot be shown; null when they decode. */
	not_displayable: string | null;
}

export interface ImportEventCounts {
	files: number;
	imported: number;
	duplicates: number;
	failed: number;
}

/** An upsert's WHERE: some stored column is empty that the incoming file fills in. */
const fillsIn = (columns: string[]) =>
	'(' + columns.map((c) => `(${c} IS NULL AND excluded.${c} IS NOT NULL)`).join(' OR ') + ')';

/** An empty Patient ID is legal DICOM; such patients are kept apart per study rather than strangers merged. */
function issuerOf(r: InstanceRecord): string {
	return r.patientId ? r.issuerOfPatientId : `study:${r.studyInstanceUid}`;
}

function idOf(row: unknown): number {
	return (row as { id: number }).id;
}

const placeColumns = `st.id AS studyId, p.patient_id AS patientId, p.issuer, st.study_instance_uid AS studyInstanceUid`;

/** Patients, studies, series and instances in SQLite; one transaction per instance keeps a batch resumable. */
export class SqliteStudyStore {
	private readonly saveTx: (r: InstanceRecord, o: SaveOptions) => SaveOutcome;
	/** decide in one read transaction: each statement alone would take and drop WAL's read lock. */
	private readonly checkTx: (r: InstanceRecord, pixels: PixelVerdict | null) => SaveOutcome | null;
	private readonly decide: (r: InstanceRecord, pixels: PixelVerdict | null | undefined) => SaveOutcome | null;
	private readonly audit: (r: Refusal) => void;

	constructor(private readonly db: SqliteDatabase) {
		const instancePlace = db.prepare(
			`SELECT ${placeColumns}, se.series_instance_uid AS seriesInstanceUid, i.id AS instanceId,
				i.file_sha256 AS sha FROM instances i JOIN series se ON se.id = i.series_ref
				JOIN studies st ON st.id = se.study_ref JOIN patients p ON p.id = st.patient_ref
				WHERE i.sop_instance_uid = ?`,
		);
		const seriesPlace = db.prepare(
			`SELECT ${placeColumns}, se.series_instance_uid AS seriesInstanceUid FROM series se
				JOIN studies st ON st.id = se.study_ref JOIN patients p ON p.id = st.patient_ref
				WHERE se.series_instance_uid = ?`,
		);
		const studyPlace = db.prepare(
			`SELECT ${placeColumns}, NULL AS seriesInstanceUid FROM studies st JOIN patients p ON p.id = st.patient_ref
				WHERE st.study_instance_uid = ?`,
		);
		// The search key follows the name and person name the row ends up with (SET reads the old row).
		const upsertPatient = db.prepare(`INSERT INTO patients (patient_id, issuer, name, person_name, birth_date, sex,
				search_key)
				VALUES (@patientId, @issuer, @patientName, @patientPersonName, @patientBirthDate, @patientSex,
				fold_search_key(@patientName || ' ' || coalesce(@patientPersonName, '')))
			ON CONFLICT (patient_id, issuer) DO UPDATE SET name = CASE WHEN name = '' THEN excluded.name ELSE name END,
				search_key = fold_search_key(CASE WHEN name = '' THEN excluded.name ELSE name END || ' ' ||
					coalesce(person_name, excluded.person_name, '')),
				person_name = coalesce(person_name, excluded.person_name),
				birth_date = coalesce(birth_date, excluded.birth_date), sex = coalesce(sex, excluded.sex)
			WHERE ${fillsIn(['person_name', 'birth_date', 'sex'])} OR (name = '' AND excluded.name <> '')
			RETURNING id`);
		// An upsert that would change nothing updates nothing (its WHERE), so it returns no row and the id is
		// looked up: an UPDATE rewrites every index over the columns it sets, changed or not.
		const patientIdOf = db.prepare('SELECT id FROM patients WHERE patient_id = @patientId AND issuer = @issuer');
		const studyIdOf = db.prepare('SELECT id FROM studies WHERE study_instance_uid = @studyInstanceUid');
		const seriesIdOf = db.prepare('SELECT id FROM series WHERE series_instance_uid = @seriesInstanceUid');
		// The ON CONFLICT updates below only ever touch a study or series of the same patient (and study):
		// findIdentityConflict has refused any other before they run.
		const upsertStudy =
			db.prepare(`INSERT INTO studies (study_instance_uid, patient_ref, study_date, study_time, accession_number,
				dicom_study_id, description, patient_age, modality, body_part, referring_physician)
			VALUES (@studyInstanceUid, @patientRef, @studyDate, @studyTime, @accessionNumber, @dicomStudyId,
				@studyDescription, @patientAge, @modality, @bodyPart, @referringPhysician)
			ON CONFLICT (study_instance_uid) DO UPDATE SET modality = coalesce(modality, excluded.modality),
				referring_physician = coalesce(referring_physician, excluded.referring_physician),
				body_part = coalesce(body_part, excluded.body_part),
				dicom_study_id = coalesce(dicom_study_id, excluded.dicom_study_id)
			WHERE ${fillsIn(['modality', 'referring_physician', 'body_part', 'dicom_study_id'])}
			RETURNING id`);
		const upsertSeries =
			db.prepare(`INSERT INTO series (series_instance_uid, study_ref, modality, series_number, body_part,
				view_position)
			VALUES (@seriesInstanceUid, @studyRef, @modality, @seriesNumber, @bodyPart, @viewPosition)
			ON CONFLICT (series_instance_uid) DO UPDATE SET view_position = coalesce(view_position,
				excluded.view_position)
			WHERE ${fillsIn(['view_position'])}
			RETURNING id`);
		const insertInstance =
			db.prepare(`INSERT INTO instances (sop_instance_uid, series_ref, sop_class_uid, transfer_syntax_uid,
				instance_number, rows, columns, frames, view_position, file_sha256, file_size)
			VALUES (@sopInstanceUid, @seriesRef, @sopClassUid, @transferSyntaxUid, @instanceNumber, @rows, @columns,
				@frames, @viewPosition, @fileSha256, @fileSize)`);
		// What saving `r` would do short of writing it; null: it would be saved.
		this.decide = (r: InstanceRecord, pixels: PixelVerdict | null | undefined): SaveOutcome | null => {
			const instance = instancePlace.get(r.sopInstanceUid) as
				(StoredPlace & { instanceId: number; sha: string }) | undefined;
			const conflict = findIdentityConflict(
				{ ...r, issuer: issuerOf(r) },
				{
					instance,
					series: seriesPlace.get(r.seriesInstanceUid) as StoredPlace | undefined,
					study: studyPlace.get(r.studyInstanceUid) as StoredPlace | undefined,
				},
			);
			if (conflict) return { outcome: 'refused', conflict };
			if (instance) {
				const same = {
					outcome: 'duplicate',
					studyId: instance.studyId,
					instanceId: instance.instanceId,
				} as const;
				if (instance.sha === r.fileSha256) return same;
				if (pixels?.storedSha256 !== instance.sha)
					return { outcome: 'compare_pixels', storedSha256: instance.sha };
				if (pixels.samePixels) return same;
				return { outcome: 'refused', conflict: otherPixels(r.sopInstanceUid, instance) };
			}
			return null;
		};
		this.checkTx = db.transaction(this.decide);
		this.saveTx = db.transaction((r: InstanceRecord, o: SaveOptions): SaveOutcome => {
			const decided = this.decide(r, o.pixels);
			if (decided) return decided;
			o.beforeInsert?.();
			const patient = { ...r, issuer: issuerOf(r) };
			const patientRef = idOf(upsertPatient.get(patient) ?? patientIdOf.get(patient));
			const studyRef = idOf(upsertStudy.get({ ...r, patientRef }) ?? studyIdOf.get(r));
			const seriesRef = idOf(upsertSeries.get({ ...r, studyRef }) ?? seriesIdOf.get(r));
			const instanceId = Number(insertInstance.run({ ...r, seriesRef }).lastInsertRowid);
			return { outcome: 'saved', studyId: studyRef, instanceId };
		});
		this.audit = (r: Refusal) => {
			const { record: f, conflict: c } = r;
			const detail = {
				code: r.code,
				rule: c.what,
				message: c.message,
				file: r.file,
				fileSha256: f.fileSha256,
				incoming: {
					patientId: f.patientId,
					issuer: f.issuerOfPatientId,
					patientName: f.patientName,
					studyInstanceUid: f.studyInstanceUid,
					seriesInstanceUid: f.seriesInstanceUid,
					sopInstanceUid: f.sopInstanceUid,
				},
				stored: c.stored,
			};
			appendAuditRow(db, {
				studyRef: c.stored.studyId,
				actor: r.actor,
				action: 'import.refused',
				detail: JSON.stringify(detail),
			});
		};
	}

	/** Runs `fn` in one transaction; saveInstance calls inside it become savepoints. */
	inTransaction(fn: () => void): void {
		this.db.transaction(fn)();
	}

	/**
	 * Like inTransaction, but the commit is not synced to disk (synchronous=NORMAL for this one commit): it
	 * survives a crash of the process, and the next synced commit or checkpoint makes it survive a power cut.
	 * The receiver's commits, where an fsync per image would cost more than receiving it.
	 */
	inUnsyncedTransaction(fn: () => void): void {
		const before = this.db.pragma('synchronous', { simple: true }) as number;
		this.db.pragma('synchronous = NORMAL');
		try {
			this.db.transaction(fn)();
		} finally {
			this.db.pragma(`synchronous = ${before}`);
		}
	}

	/** Whether any stored instance points at this original. */
	storesFile(sha256: string): boolean {
		return this.db.prepare('SELECT 1 FROM instances WHERE file_sha256 = ? LIMIT 1').get(sha256) !== undefined;
	}

	/**
	 * Stores one instance unless its identity conflicts with what is stored (then nothing is written and the
	 * conflict comes back); the same SOP Instance from the same bytes, or the same pixels, is a duplicate.
	 */
	saveInstance(record: InstanceRecord, options: SaveOptions = {}): SaveOutcome {
		return this.saveTx(record, options);
	}

	/**
	 * What saving the instance would do now, nothing written: refused (with the conflict), a duplicate,
	 * pixels to compare first, or null when it would be saved. The receiver asks before it answers a sender.
	 */
	check(record: InstanceRecord, pixels: PixelVerdict | null): SaveOutcome | null {
		return this.checkTx(record, pixels);
	}

	/** Appends a refused file to the audit log, under the study it would have been merged into. */
	recordRefusal(refusal: Refusal): void {
		this.audit(refusal);
	}

	study(studyId: number): StudyRow | undefined {
		return this.db
			.prepare(
				`SELECT s.id, s.study_instance_uid, s.study_date, s.study_time, s.accession_number, s.dicom_study_id,
					s.description, s.referring_physician, s.patient_age, s.modality, s.body_part, s.status, s.priority,
					p.patient_id, p.name,
					p.person_name, p.birth_date, p.sex
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
				se.view_position) AS view_position, i.transfer_syntax_uid, i.file_sha256, i.not_displayable
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
				se.view_position) AS view_position, i.transfer_syntax_uid, i.file_sha256, i.not_displayable
			FROM instances i JOIN series se ON se.id = i.series_ref WHERE i.id = ?`,
			)
			.get(instanceId) as InstanceRow | undefined;
	}

	/** Records that a stored instance's pixels cannot be shown, and why (the file stays stored). */
	markNotDisplayable(instanceId: number, reason: string): void {
		this.db.prepare('UPDATE instances SET not_displayable = ? WHERE id = ?').run(reason, instanceId);
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

function otherPixels(sopInstanceUid: string, s: StoredPlace): IdentityConflict {
	const { studyId, patientId, issuer, studyInstanceUid, seriesInstanceUid } = s;
	return {
		what: 'instance_pixels',
		stored: { studyId, patientId, issuer, studyInstanceUid, seriesInstanceUid },
		message:
			`Image ${sopInstanceUid} is already stored with other pixel data; this file has the same SOP Instance ` +
			'UID but different pixels: refused, not merged.',
	};
}
