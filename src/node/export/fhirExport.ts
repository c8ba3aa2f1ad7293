/// <reference types="fhir" />
import { isoDate, readableName, warningLines, type ReportDocument } from './ReportDocument.js';
import { textExport } from './textExport.js';

/** FHIR R4 DiagnosticReport; typed by @types/fhir (R4 namespace), built here since it is plain JSON. */
export function fhirExport(doc: ReportDocument): fhir4.DiagnosticReport {
	const s = doc.study;
	const [family = '', ...given] = s.patientName.split('^');
	const signed = doc.status === 'signed';
	const patient: fhir4.Patient = {
		resourceType: 'Patient',
		id: 'patient',
		identifier: [{ value: s.patientId }],
		name: [{ family, given: given.filter(Boolean).slice(0, 2), text: readableName(s.patientName) }],
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
		conclusion: [...warningLines(doc), doc.impression.trim()].filter(Boolean).join('\n'),
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
	return report;
}
