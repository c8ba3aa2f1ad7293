import { rgb } from 'pdf-lib';
import { PdfLayout } from './PdfLayout.js';
import {
	isoDate,
	readableName,
	readableTime,
	sexWord,
	signerLine,
	warningLines,
	type ReportDocument,
} from './ReportDocument.js';

/** The report as a PDF (pdf-lib): header with patient and study, findings, impression, signature, addenda. */
export async function pdfExport(doc: ReportDocument, o: { keyImagePng?: Uint8Array } = {}): Promise<Uint8Array> {
	const s = doc.study;
	const signed = doc.status === 'signed';
	const footer = signed
		? `Signed report - ${readableName(s.patientName)} - ${s.patientId}`
		: 'DRAFT - AI-generated, not signed - not a medical report';
	const l = await PdfLayout.create(`Chest X-ray report - ${s.patientId}`, footer, JSON.stringify(doc));
	for (const w of warningLines(doc))
		l.banner(
			w,
			signed
				? { fill: rgb(1, 0.97, 0.88), color: rgb(0.55, 0.35, 0) }
				: { fill: rgb(1, 0.92, 0.92), color: rgb(0.7, 0, 0), size: 14 },
		);
	l.text('Chest X-ray report', { size: 20, bold: true, gapAfter: 10 });
	l.text(
		[
			`Patient: ${readableName(s.patientName)}`,
			`ID: ${s.patientId}`,
			`Sex: ${sexWord(s.patientSex)}`,
			`Born: ${isoDate(s.patientBirthDate) ?? 'unknown'}`,
		].join('    '),
		{ size: 10, gapAfter: 2 },
	);
	l.text(
		[
			`Study: ${s.description ?? 'Chest X-ray'}`,
			`Date: ${isoDate(s.studyDate) ?? 'unknown'}`,
			`Accession: ${s.accessionNumber ?? '-'}`,
		].join('    '),
		{ size: 10, gapAfter: 2 },
	);
	l.text(`Study Instance UID: ${s.studyInstanceUid}`, { size: 8, color: rgb(0.4, 0.4, 0.4) });
	l.rule();
	if (o.keyImagePng) await l.image(o.keyImagePng, 260);
	l.text('Findings', { size: 13, bold: true, gapAfter: 2 });
	l.text(doc.findings.trim() || '(none written)', { gapAfter: 12 });
	l.text('Impression', { size: 13, bold: true, gapAfter: 2 });
	l.text(doc.impression.trim() || '(none written)', { gapAfter: 16 });
	l.rule();
	const signer = signerLine(doc, doc.signedBy);
	if (signed) l.text(`Electronically signed by ${signer} on ${readableTime(doc.signedAt)}`, { bold: true });
	else l.text('Not signed. This draft is not a medical report.', { bold: true, color: rgb(0.7, 0, 0) });
	for (const a of doc.addenda) {
		l.text(`Addendum - signed by ${signerLine(doc, a.signedBy)} on ${readableTime(a.signedAt)}`, {
			size: 12,
			bold: true,
			gapAfter: 2,
		});
		l.text(a.text.trim(), { gapAfter: 10 });
	}
	return l.save();
}
