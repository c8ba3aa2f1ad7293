import {
	isoDate,
	readableName,
	readableTime,
	sexWord,
	signerLine,
	warningLines,
	type ReportDocument,
} from './ReportDocument.js';

/** The report as plain UTF-8 text: header, findings, impression, signature, addenda. */
export function textExport(doc: ReportDocument): string {
	const s = doc.study;
	const out: string[] = [];
	for (const w of warningLines(doc)) out.push(`*** ${w} ***`);
	if (out.length) out.push('');
	out.push('CHEST X-RAY REPORT', '');
	out.push(
		[
			`Patient: ${readableName(s.patientName)}`,
			`ID: ${s.patientId}`,
			`Sex: ${sexWord(s.patientSex)}`,
			`Born: ${isoDate(s.patientBirthDate) ?? 'unknown'}`,
		].join('   '),
	);
	out.push(
		[
			`Study: ${s.description ?? 'Chest X-ray'}`,
			`Date: ${isoDate(s.studyDate) ?? 'unknown'}`,
			`Accession: ${s.accessionNumber ?? '-'}`,
		].join('   '),
	);
	out.push(`Study Instance UID: ${s.studyInstanceUid}`, '');
	out.push('FINDINGS', doc.findings.trim() || '(none written)', '');
	out.push('IMPRESSION', doc.impression.trim() || '(none written)', '');
	if (doc.status === 'signed')
		out.push(`Signed by ${signerLine(doc, doc.signedBy)} on ${readableTime(doc.signedAt)}`);
	else out.push('Not signed.');
	for (const a of doc.addenda)
		out.push(
			'',
			`ADDENDUM (signed by ${signerLine(doc, a.signedBy)} on ${readableTime(a.signedAt)})`,
			a.text.trim(),
		);
	return out.join('\n') + '\n';
}
