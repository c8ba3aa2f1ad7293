/// <reference types="fhir" />
import { isoDate, personNameParts, readableName, warningLines, type ReportDocument } from './ReportDocument.js';
import { textExport } from './textExport.js';

/** R5's DiagnosticReport.note carried into R4 by its cross-version extension: where the notices go. */
export const reportNoteExtension = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-DiagnosticReport.note';

/**
 * A copy without empty strings, empty arrays or empty objects: FHIR JSON forbids them (an element is
 * either absent or has a value), and some servers reject the whole resource for one.
 */
export function withoutEmpty<T>(value: T): T {
	if (Array.isArray(value)) return value.map(withoutEmpty).filter((v) => !isEmpty(v)) as T;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) {
			const kept: unknown = withoutEmpty(v);
			if (!isEmpty(kept)) out[k] = kept;
		}
		return out as T;
	}
	return value;
}

function isEmpty(v: unknown): boolean {
	if (v === undefined || v === null) return true;
	if (typeof v === 'string') return !v.trim();
	if (Array.isArray(v)) return v.length === 0;
	return typeof v === 'object' && Object.keys(v).length === 0;
}

/** HumanName from the DICOM PN's components; the readable name as its text. */
function humanName(pn: string, readable: string): fhir4.HumanName {
	const p = personNameParts(pn);
	return {
		use: 'official',
		text: readable,
		family: p.family,
		given: [p.given, ...p.middle.split(/\s+/)],
		prefix: [p.prefix],
		suffix: [p.suffix],
	};
}

/**
 * FHIR R4 DiagnosticReport; typed by @types/fhir (R4 namespace), built here since it is plain JSON. The
 * conclusion is the impression alone; the draft mark and the model notice are notes of their own.
 */
export function fhirExport(doc: ReportDocument): fhir4.DiagnosticReport {
	const s = doc.study;
	const signed = doc.status === 'signed';
	const patient: fhir4.Patient = {
		resourceType: 'Patient',
		id: 'patient',
		identifier: [{ value: s.patientId }],
		name: [humanName(s.personName, readableName(s.patientName))],
		...(s.patientSex
			? {
					gender:
						({ M: 'male', F: 'female', O: 'other' } as Record<string, fhir4.Patient['gender']>)[
							s.patientSex
						] ?? 'unknown',
				}
			: {}),
		...(isoDate(s.patientBirthDate) ? { birthDate: isoDate(s.patientBirthDate)! } : {}),
	};
	const study: fhir4.ImagingStudy = {
		resourceType: 'ImagingStudy',
		id: 'study',
		status: 'available',
		identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${s.studyInstanceUid}` }],
		subject: { reference: '#patient' },
		...(s.description ? { description: s.description } : {}),
	};
	const contained: fhir4.FhirResource[] = [patient, study];
	const report: fhir4.DiagnosticReport = {
		resourceType: 'DiagnosticReport',
		id: `report-${doc.reportId}-v${doc.versionNo}`,
		contained,
		status: signed ? (doc.addenda.length ? 'appended' : 'final') : 'preliminary',
		category: [
			{
				coding: [
					{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD', display: 'Radiology' },
				],
			},
		],
		code: {
			coding: [{ system: 'http://loinc.org', code: '18748-4', display: 'Diagnostic imaging study' }],
			text: s.description ?? 'Chest X-ray report',
		},
		subject: { reference: '#patient', display: readableName(s.patientName) },
		...(isoDate(s.studyDate) ? { effectiveDateTime: isoDate(s.studyDate)! } : {}),
		issued: signed && doc.signedAt ? doc.signedAt : doc.exportedAt,
		...(signed && doc.signedBy ? { resultsInterpreter: [{ display: doc.signedBy }] } : {}),
		imagingStudy: [{ reference: '#study' }],
		extension: warningLines(doc).map((text) => ({ url: reportNoteExtension, valueAnnotation: { text } })),
		conclusion: doc.impression.trim(),
		presentedForm: [
			{
				contentType: 'text/plain; charset=utf-8',
				language: 'en',
				data: Buffer.from(textExport(doc), 'utf8').toString('base64'),
				title: signed ? 'Chest X-ray report' : 'Chest X-ray report (DRAFT, not signed)',
			},
		],
	};
	if (s.accessionNumber)
		report.identifier = [
			{
				type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] },
				value: s.accessionNumber,
			},
		];
	return withoutEmpty(report);
}
