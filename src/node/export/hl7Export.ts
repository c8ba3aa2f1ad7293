import { Hl7Message, Hl7Segment } from '@medplum/core';
import { defaultHl7Settings, type Hl7Settings } from '../../common/api/appContract.js';
import { personNameParts, warningLines, type ReportDocument } from './ReportDocument.js';

/**
 * HL7 v2's escape sequences for the delimiters (v2.5.1 chapter 2.7). Written here because Medplum's
 * Hl7Field does not escape values when it serialises; everything else (segments, fields, components,
 * the message itself) is Medplum's @medplum/core HL7 model.
 */
export function hl7Escape(value: string): string {
	return value.replace(
		/[\\|^&~\r\n]/g,
		(c) =>
			({
				'\\': '\\E\\',
				'|': '\\F\\',
				'^': '\\S\\',
				'&': '\\T\\',
				'~': '\\R\\',
				'\r': '\\X0D\\',
				'\n': '\\X0A\\',
			})[c]!,
	);
}

function hl7Timestamp(iso: string): string {
	return iso
		.replace(/[-:T]/g, '')
		.replace(/\.\d+Z?$|Z$/, '')
		.slice(0, 14);
}

/** PID-5 (XPN): family^given^second names^suffix^prefix, from the DICOM PN's components. */
function patientNameField(pn: string): string {
	const p = personNameParts(pn);
	return [p.family, p.given, p.middle, p.suffix, p.prefix].map(hl7Escape).join('^').replace(/\^+$/, '');
}

/**
 * An ORU^R01 (v2.5.1) result message: MSH with the configured sender and receiver, PID, ORC, OBR, the
 * draft mark and model notice as NTE notes (never inside the report text), one TX OBX per line of
 * findings and impression.
 */
export function hl7Export(
	doc: ReportDocument,
	names: Hl7Settings = defaultHl7Settings,
	controlId = `RW${doc.reportId}V${doc.versionNo}${Date.parse(doc.exportedAt) % 1e6}`,
): string {
	const s = doc.study;
	const status = doc.status === 'signed' ? (doc.addenda.length ? 'C' : 'F') : 'P';
	const segs: Hl7Segment[] = [];
	const seg = (fields: string[]) => segs.push(new Hl7Segment(fields));
	seg([
		'MSH',
		'^~\\&',
		hl7Escape(names.sendingApplication),
		hl7Escape(names.sendingFacility),
		hl7Escape(names.receivingApplication),
		hl7Escape(names.receivingFacility),
		hl7Timestamp(doc.exportedAt),
		'',
		'ORU^R01^ORU_R01',
		controlId,
		'P',
		'2.5.1',
		'',
		'',
		'',
		'',
		'',
		'UNICODE UTF-8',
	]);
	seg([
		'PID',
		'1',
		'',
		hl7Escape(s.patientId),
		'',
		patientNameField(s.personName),
		'',
		s.patientBirthDate ?? '',
		s.patientSex ?? '',
	]);
	// The accession is the order both sides know: placer and filler order number alike.
	const order = hl7Escape(s.accessionNumber ?? '');
	seg(['ORC', 'RE', order, order, '', doc.status === 'signed' ? 'CM' : 'IP']);
	const obr = [
		'OBR',
		'1',
		order,
		order,
		'18748-4^Diagnostic imaging study^LN',
		'',
		'',
		s.studyDate ? `${s.studyDate}${s.studyTime?.slice(0, 6) ?? ''}` : '',
	];
	while (obr.length < 33) obr.push('');
	obr[22] = hl7Timestamp(doc.signedAt ?? doc.exportedAt);
	obr[24] = 'RAD';
	obr[25] = status;
	if (doc.status === 'signed' && doc.signedBy) obr[32] = `&${hl7Escape(doc.signedBy)}`;
	seg(obr);
	warningLines(doc).forEach((w, i) => seg(['NTE', String(i + 1), 'L', hl7Escape(w)]));
	let n = 0;
	const obx = (type: string, code: string, sub: string, value: string) =>
		seg(['OBX', String(++n), type, code, sub, value, '', '', '', '', '', status]);
	obx('ST', '110180^Study Instance UID^DCM', '', hl7Escape(s.studyInstanceUid));
	for (const line of (doc.findings.trim() || '(none written)').split(/\r?\n/))
		obx('TX', '18782-3^Radiology Study observation (narrative)^LN', '1', hl7Escape(line));
	for (const line of (doc.impression.trim() || '(none written)').split(/\r?\n/))
		obx('TX', '19005-8^Radiology Imaging study [Impression] (narrative)^LN', '2', hl7Escape(line));
	doc.addenda.forEach((a, i) =>
		obx(
			'TX',
			'18782-3^Radiology Study observation (narrative)^LN',
			String(3 + i),
			hl7Escape(`Addendum (${a.signedBy}, ${a.signedAt}): ${a.text.trim()}`),
		),
	);
	return new Hl7Message(segs).toString() + '\r';
}
