/// <reference types="fhir" />
/**
 * Structural check of a FHIR R4 DiagnosticReport against the rules of the R4 resource definition that
 * an offline test can apply: required elements and cardinalities, value sets of the coded fields,
 * primitive formats, and that every local reference points at a contained resource. The parsed JSON is
 * typed as what it claims to be (@types/fhir's R4 namespace); these checks are the runtime half.
 */
export function checkDiagnosticReport(r: fhir4.DiagnosticReport): string[] {
	const problems: string[] = [];
	const need = (ok: unknown, msg: string) => {
		if (!ok) problems.push(msg);
	};
	const isCodeable = (c: fhir4.CodeableConcept | undefined) =>
		c &&
		(Array.isArray(c.coding)
			? c.coding.every((x) => typeof x.code === 'string' && typeof x.system === 'string')
			: typeof c.text === 'string');
	need(r.resourceType === 'DiagnosticReport', 'resourceType');
	need(typeof r.id === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(r.id), 'id format');
	need(
		[
			'registered',
			'partial',
			'preliminary',
			'final',
			'amended',
			'corrected',
			'appended',
			'cancelled',
			'entered-in-error',
			'unknown',
		].includes(r.status),
		'status value set',
	);
	need(isCodeable(r.code), 'code 1..1 CodeableConcept');
	need(!r.category || (Array.isArray(r.category) && r.category.every(isCodeable)), 'category CodeableConcept[]');
	need(
		!r.effectiveDateTime ||
			/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/.test(r.effectiveDateTime),
		'effectiveDateTime format',
	);
	need(
		!r.issued || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(r.issued),
		'issued instant format',
	);
	const contained = new Map((r.contained ?? []).map((c) => [`#${c.id}`, c]));
	const resolve = (ref: fhir4.Reference | undefined) => (ref?.reference ? contained.get(ref.reference) : undefined);
	for (const c of r.contained ?? [])
		need(
			typeof c.resourceType === 'string' && typeof c.id === 'string' && !('contained' in c && c.contained),
			'contained resource shape',
		);
	const refs = [r.subject, ...(r.imagingStudy ?? []), ...(r.resultsInterpreter ?? []), ...(r.performer ?? [])].filter(
		(ref): ref is fhir4.Reference => Boolean(ref),
	);
	for (const ref of refs) {
		need(
			typeof ref.reference === 'string' || typeof ref.display === 'string',
			'Reference has reference or display',
		);
		if (typeof ref.reference === 'string' && ref.reference.startsWith('#'))
			need(contained.has(ref.reference), `reference ${ref.reference} resolves`);
	}
	need(resolve(r.subject)?.resourceType === 'Patient', 'subject is a Patient');
	for (const s of r.imagingStudy ?? [])
		need(resolve(s)?.resourceType === 'ImagingStudy', 'imagingStudy is an ImagingStudy');
	// A subject that is not a Patient is reported above; the Patient rules apply to a Patient only.
	const isPatient = (c: fhir4.Resource | undefined): c is fhir4.Patient => c?.resourceType === 'Patient';
	const patient = resolve(r.subject);
	if (isPatient(patient)) {
		need(
			!patient.gender || ['male', 'female', 'other', 'unknown'].includes(patient.gender),
			'Patient.gender value set',
		);
		need(!patient.birthDate || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(patient.birthDate), 'Patient.birthDate format');
	}
	const studies = [...contained.values()].filter((c): c is fhir4.ImagingStudy => c.resourceType === 'ImagingStudy');
	for (const s of studies) {
		need(
			['registered', 'available', 'cancelled', 'entered-in-error', 'unknown'].includes(s.status),
			'ImagingStudy.status',
		);
		need(s.subject?.reference && contained.has(s.subject.reference), 'ImagingStudy.subject');
	}
	for (const a of r.presentedForm ?? []) {
		need(
			typeof a.contentType === 'string' && typeof a.data === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(a.data),
			'presentedForm Attachment with base64 data',
		);
	}
	const known = new Set([
		'resourceType',
		'id',
		'meta',
		'implicitRules',
		'language',
		'text',
		'contained',
		'extension',
		'modifierExtension',
		'identifier',
		'basedOn',
		'status',
		'category',
		'code',
		'subject',
		'encounter',
		'effectiveDateTime',
		'effectivePeriod',
		'issued',
		'performer',
		'resultsInterpreter',
		'specimen',
		'result',
		'imagingStudy',
		'media',
		'conclusion',
		'conclusionCode',
		'presentedForm',
	]);
	for (const k of Object.keys(r)) need(known.has(k), `unknown element ${k}`);
	return problems;
}
