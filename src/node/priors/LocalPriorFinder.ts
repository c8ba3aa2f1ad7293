import type { SqliteDatabase } from '../store/openDatabase.js';
import type { CurrentStudy } from './CurrentStudy.js';
import type { FoundStudy, PriorStudyFinder } from './PriorStudyFinder.js';

interface Row {
	studyId: number;
	studyInstanceUid: string;
	studyDate: string | null;
	description: string | null;
	modality: string | null;
	status: string;
}

/**
 * The patient's other studies in this workstation's store. Same patient means the same Patient ID and
 * issuer (the store's patient row), never the same name.
 */
export class LocalPriorFinder implements PriorStudyFinder {
	constructor(private readonly db: SqliteDatabase) {}

	find(current: CurrentStudy): Promise<FoundStudy[]> {
		const rows = this.db
			.prepare(
				`SELECT s.id AS studyId, s.study_instance_uid AS studyInstanceUid, s.study_date AS studyDate,
					s.description, coalesce(s.modality, (SELECT se.modality FROM series se WHERE se.study_ref = s.id
						ORDER BY se.id LIMIT 1)) AS modality, s.status
				FROM studies s JOIN patients p ON p.id = s.patient_ref
				WHERE p.patient_id = ? AND p.issuer = ? AND s.study_instance_uid <> ?`,
			)
			.all(current.patient.patientId, current.patient.issuer, current.studyInstanceUid) as Row[];
		return Promise.resolve(
			rows.map((r) => ({ ...r, source: 'local', status: r.status === 'signed' ? 'signed' : 'not_signed' })),
		);
	}
}
