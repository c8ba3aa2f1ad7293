import type { PacsStudy } from '../../common/api/pacsStudy.js';

/** One attribute of the DICOM JSON model (PS3.18 F.2). */
type JsonAttribute = { readonly vr?: string; readonly Value?: readonly unknown[] };
export type DicomJsonObject = Readonly<Record<string, JsonAttribute | undefined>>;

/** The attribute's values as text: a person name by its alphabetic form, numbers as written. */
export function jsonValues(object: DicomJsonObject, tag: string): string[] {
	const values = object[tag]?.Value ?? [];
	return values.map((value) => {
		if (typeof value === 'string') return value;
		if (typeof value === 'number') return String(value);
		if (value && typeof value === 'object' && 'Alphabetic' in value && typeof value.Alphabetic === 'string') {
			return value.Alphabetic;
		}
		return '';
	});
}

export function jsonValue(object: DicomJsonObject, tag: string): string {
	return jsonValues(object, tag)[0] ?? '';
}

/** A study-level QIDO answer as a worklist row. */
export function pacsStudyFromJson(object: DicomJsonObject): PacsStudy {
	const count = Number.parseInt(jsonValue(object, '00201208'), 10);
	return {
		studyInstanceUid: jsonValue(object, '0020000D'),
		patientName: jsonValue(object, '00100010'),
		patientId: jsonValue(object, '00100020'),
		issuerOfPatientId: jsonValue(object, '00100021'),
		patientBirthDate: jsonValue(object, '00100030'),
		patientSex: jsonValue(object, '00100040'),
		studyDate: jsonValue(object, '00080020'),
		studyTime: jsonValue(object, '00080030'),
		accessionNumber: jsonValue(object, '00080050'),
		studyDescription: jsonValue(object, '00081030'),
		modalities: jsonValues(object, '00080061').filter(Boolean),
		instanceCount: Number.isFinite(count) ? count : null,
	};
}
