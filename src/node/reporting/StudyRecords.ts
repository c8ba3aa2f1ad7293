import type { SqliteDatabase } from '../store/openDatabase.js';
import { ReportNotFoundError } from './ReportingErrors.js';

export interface StudyRecord {
	readonly studyId: number;
	readonly studyInstanceUid: string;
	readonly status: 'new' | 'drafted' | 'in_review' | 'signed';
	readonly patientName: string;
	/** The DICOM person name with its components ("Müller^Hans"), for exports; null if imported before it was kept. */
	readonly patientPersonName: string | null;
	readonly patientId: string;
	readonly patientSex: string | null;
	readonly patientBirthDate: string | null;
	readonly studyDate: string | null;
	readonly studyTime: string | null;
	readonly accessionNumber: string | null;
	/** Study ID (0020,0010); null if imported before it was kept. */
	readonly dicomStudyId: string | null;
	readonly description: string | null;
}

export interface StudyInstanceRef {
	readonly seriesInstanceUid: string;
	readonly sopClassUid: string;
	readonly sopInstanceUid: string;
}

/** The study facts a report header, an SR or an HL7 message needs, read from the import tables. */
export class StudyRecords {
	constructor(private readonly db: SqliteDatabase) {}

	get(studyId: number): StudyRecord {
		const r = this.db
			.prepare(
				`SELECT s.id AS studyId, s.study_instance_uid AS studyInstanceUid, s.status, p.name AS patientName,
					p.person_name AS patientPersonName, p.patient_id AS patientId, s.dicom_study_id AS dicomStudyId,
			p.sex AS patientSex, p.birth_date AS patientBirthDate, s.study_date AS studyDate, s.study_time AS studyTime,
			s.accession_number AS accessionNumber, s.description FROM studies s JOIN patients p ON p.id = s.patient_ref
				WHERE s.id = ?`,
			)
			.get(studyId) as StudyRecord | undefined;
		if (!r) throw new ReportNotFoundError(`Study ${studyId} does not exist.`);
		return r;
	}

	instances(studyId: number): StudyInstanceRef[] {
		return this.db
			.prepare(
				`SELECT se.series_instance_uid AS seriesInstanceUid, coalesce(i.sop_class_uid,
					'1.2.840.10008.5.1.4.1.1.1') AS sopClassUid,
			i.sop_instance_uid AS sopInstanceUid FROM instances i JOIN series se ON se.id = i.series_ref
				WHERE se.study_ref = ? ORDER BY se.id, i.instance_number, i.id`,
			)
			.all(studyId) as StudyInstanceRef[];
	}

	/** Studies that arrived but have no draft yet, oldest first (the background queue's work). */
	undrafted(limit = 50): number[] {
		return (
			this.db
				.prepare(
					`SELECT s.id FROM studies s WHERE s.status = 'new' AND NOT EXISTS (SELECT 1 FROM reports r
						WHERE r.study_ref = s.id)
			ORDER BY s.imported_at, s.id LIMIT ?`,
				)
				.all(limit) as { id: number }[]
		).map((r) => r.id);
	}
}
