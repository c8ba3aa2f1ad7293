import type { SqliteDatabase } from '../store/openDatabase.js';
import type { CurrentStudy } from './CurrentStudy.js';
import type { CurrentStudySource } from './CurrentStudySource.js';
import { PriorsStudyNotFoundError } from './PriorsErrors.js';

/** The study being read, from the import tables: its patient's ID and issuer, its UID and date. */
export class SqliteStudyPatients implements CurrentStudySource {
	constructor(private readonly db: SqliteDatabase) {}

	current(studyId: number): CurrentStudy {
		const row = this.db
			.prepare(
				`SELECT p.patient_id AS patientId, p.issuer, s.study_instance_uid AS studyInstanceUid,
					s.study_date AS studyDate
				FROM studies s JOIN patients p ON p.id = s.patient_ref WHERE s.id = ?`,
			)
			.get(studyId) as { patientId: string; issuer: string; studyInstanceUid: string; studyDate: string | null };
		if (!row) throw new PriorsStudyNotFoundError(studyId);
		const { patientId, issuer, ...study } = row;
		return { studyId, patient: { patientId, issuer }, ...study };
	}
}
