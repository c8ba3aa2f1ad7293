import { rgb } from 'pdf-lib';
import { PdfLayout } from './PdfLayout.js';
import { isoDate, readableName, type ReportDocument } from './ReportDocument.js';

/**
 * The easy-language handout for the patient: large type, plain words, what it means and what comes
 * next, and a clear note that the doctor's report is the reference. The text is the radiologist's
 * reviewed version of the assistant's easy-language answer.
 */
export async function handoutPdf(
	doc: ReportDocument,
	handout: { text: string; reviewedBy: string | null },
): Promise<Uint8Array> {
	const s = doc.study;
	const l = await PdfLayout.create(
		'About your chest X-ray',
		doc.modelNotice && doc.aiGenerated
			? `Written with the help of a computer program and checked by your radiologist. ${doc.modelNotice}`
			: null,
		JSON.stringify({ doc, handout }),
	);
	if (doc.status !== 'signed')
		l.banner('DRAFT - the report is not signed yet. Please wait for your doctor.', {
			fill: rgb(1, 0.92, 0.92),
			color: rgb(0.7, 0, 0),
			size: 16,
		});
	l.text('About your chest X-ray', { size: 26, bold: true, gapAfter: 8 });
	l.text(`For ${readableName(s.patientName)}, X-ray taken on ${isoDate(s.studyDate) ?? 'the day of your visit'}`, {
		size: 15,
		color: rgb(0.3, 0.3, 0.3),
		gapAfter: 18,
	});
	l.text('What the X-ray shows', { size: 20, bold: true, gapAfter: 6 });
	l.text(handout.text.trim(), { size: 16, gapAfter: 18 });
	l.text('What this means for you', { size: 20, bold: true, gapAfter: 6 });
	l.text(
		'Your doctor will talk with you about these results and what they mean for your health. Please ask about ' +
			'anything that is unclear: there are no silly questions.',
		{ size: 16, gapAfter: 18 },
	);
	l.text('Next steps', { size: 20, bold: true, gapAfter: 6 });
	l.text('- Bring this sheet to your next appointment.', { size: 16, gapAfter: 2 });
	l.text('- If you feel worse, have chest pain or trouble breathing, get medical help right away.', {
		size: 16,
		gapAfter: 18,
	});
	l.banner(
		'Important: this sheet explains your results in simple words. The report from your doctor is the ' +
			'reference. If this sheet and the report seem to say different things, the report is right.',
		{ fill: rgb(0.9, 0.95, 1), color: rgb(0.05, 0.25, 0.55), size: 14 },
	);
	if (handout.reviewedBy) l.text(`Checked by ${handout.reviewedBy}`, { size: 13, color: rgb(0.3, 0.3, 0.3) });
	return l.save();
}
