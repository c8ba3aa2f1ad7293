import type { PacsStudy } from '../../../common/api/pacsStudy.js';

/** One attribute of a C-FIND answer as the library gives it: a value, a list, or a person-name object. */
function values(elements: Record<string, unknown>, name: string): string[] {
	const raw = elements[name];
	const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
	return list
		.map((v) => {
			if (typeof v === 'string') return v.trim();
			if (typeof v === 'number') return String(v);
			if (v && typeof v === 'object' && 'Alphabetic' in v && typeof v.Alphabetic === 'string')
				return v.Alphabetic;
			return '';
		})
		.flatMap((v) => v.split('\\'));
}

const value = (elements: Record<string, unknown>, name: string): string => values(elements, name)[0] ?? '';

/** A study-level C-FIND answer as a worklist row, the same fields the DICOMweb client fills. */
export function pacsStudyFromFind(elements: Record<string, unknown>): PacsStudy {
	const count = Number.parseInt(value(elements, 'NumberOfStudyRelatedInstances'), 10);
	return {
		studyInstanceUid: value(elements, 'StudyInstanceUID'),
		patientName: value(elements, 'PatientName'),
		patientId: value(elements, 'PatientID'),
		issuerOfPatientId: value(elements, 'IssuerOfPatientID'),
		patientBirthDate: value(elements, 'PatientBirthDate'),
		patientSex: value(elements, 'PatientSex'),
		studyDate: value(elements, 'StudyDate'),
		studyTime: value(elements, 'StudyTime'),
		accessionNumber: value(elements, 'AccessionNumber'),
		studyDescription: value(elements, 'StudyDescription'),
		modalities: values(elements, 'ModalitiesInStudy').filter(Boolean),
		instanceCount: Number.isFinite(count) ? count : null,
	};
}
