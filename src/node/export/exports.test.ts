import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import { Hl7Message } from '@medplum/core';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { checkDiagnosticReport } from '../../../test/helpers/fhirStructure.js';

// Words only: pdftotext wraps lines where the layout does.
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const notice = 'Demo models, synthetic data, not for clinical use';

async function draftedStudy() {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	await f.reporting.draft(studyId);
	f.reporting.save(studyId, {
		findings: f.store.report(studyId)!.findings,
		impression: 'Cardiomegaly with a right pleural effusion.',
	});
	return { f, studyId };
}

test('an unsigned draft exports in every format marked DRAFT with the demo notice', async () => {
	const { f, studyId } = await draftedStudy();
	const files = Object.fromEntries(
		(await f.exports.export(studyId, ['pdf', 'text', 'sr', 'fhir', 'hl7'])).map((x) => [x.format, x.path]),
	);
	for (const p of Object.values(files)) assert.match(p, /_DRAFT_/, 'the file name says DRAFT');
	const pdf = pdfText(files.pdf!);
	assert.match(pdf, /DRAFT — AI-generated, not signed/);
	assert.match(pdf, new RegExp(notice));
	assert.match(pdf, /Not signed/);
	assert.match(fs.readFileSync(files.text!, 'utf8'), /^\*\*\* DRAFT — AI-generated, not signed \*\*\*/);
	const sr = execFileSync('dsrdump', ['-Dv', files.sr!], { encoding: 'utf8' });
	assert.match(sr, /Completion Flag\s+: PARTIAL/);
	assert.match(sr, /Verification Flag\s+: UNVERIFIED/);
	assert.match(sr, /"Comment"\)="DRAFT/);
	const fhir = JSON.parse(fs.readFileSync(files.fhir!, 'utf8')) as fhir4.DiagnosticReport;
	assert.deepEqual(checkDiagnosticReport(fhir), []);
	assert.equal(fhir.status, 'preliminary');
	// The draft mark is a note of its own now; the conclusion is the impression alone.
	assert.match(fhir.extension?.map((e) => e.valueAnnotation?.text).join('\n') ?? '', /DRAFT/);
	assert.equal(fhir.conclusion, 'Cardiomegaly with a right pleural effusion.');
	const hl7 = Hl7Message.parse(fs.readFileSync(files.hl7!, 'utf8'));
	assert.equal(hl7.getSegment('OBR')!.getField(25).toString(), 'P');
	assert.match(
		hl7
			.getAllSegments('NTE')
			.map((s) => s.toString())
			.join('\n'),
		/DRAFT.*\n.*Demo models/,
	);
});

test(
	'a signed report exports as final: ' +
		'PDF text, SR by dsrdump and dcmdump, FHIR structure, HL7 ORU^R01, handout, addendum',
	async () => {
		const { f, studyId } = await draftedStudy();
		await f.signing.sign(studyId, true);
		await f.signing.addendum(studyId, 'Addendum: compared with outside films, stable.');
		await f.reporting.generateHandout(studyId);
		await f.reporting.saveHandout(
			studyId,
			'Your heart looks a little bigger than usual. Your doctor will talk with you about it.',
		);
		const files = Object.fromEntries(
			(await f.exports.export(studyId, ['pdf', 'text', 'sr', 'fhir', 'hl7', 'handout'])).map((x) => [
				x.format,
				x.path,
			]),
		);
		const report = f.store.report(studyId)!;

		const pdf = pdfText(files.pdf!);
		assert.doesNotMatch(pdf, /DRAFT/);
		for (const s of [
			'Jane 1 Tester',
			'PAT1',
			'ACC1',
			'Findings',
			'Impression',
			'Cardiomegaly with a right pleural effusion.',
			'Electronically signed by Dr. Ada Reader',
			'Addendum',
			notice,
		]) {
			assert.ok(pdf.includes(s), `PDF has "${s}"`);
		}

		const dump = spawnSync('dsrdump', ['-Dv', files.sr!], { encoding: 'utf8' });
		assert.equal(dump.status, 0, dump.stderr);
		assert.match(dump.stdout, /Basic Text SR Document/);
		assert.match(dump.stdout, /Verification Flag\s+: VERIFIED/);
		// The signer as a DICOM PN: family^given^middle^prefix.
		assert.match(dump.stdout, /Verifying Observers\s+: .*, Reader\^Ada\^\^Dr\., /);
		const full = execFileSync('dsrdump', ['-Dv', '+Pl', files.sr!], { encoding: 'utf8' });
		assert.ok(full.includes(report.findings.slice(0, 40)));
		const dcm = execFileSync('dcmdump', ['+P', '0040,a375', '+P', '0020,000d', files.sr!], { encoding: 'utf8' });
		assert.match(dcm, /1\.2\.826\.0\.1\.3680043\.8\.498\.1\]/, 'the SR sits in the imaged study and references it');
		const evidence = execFileSync('dcmdump', ['+P', '0008,1155', files.sr!], { encoding: 'utf8' });
		assert.match(evidence, /1\.2\.826\.0\.1\.3680043\.8\.498\.1\.1\.1/, 'the image instance is referenced');

		const fhir = JSON.parse(fs.readFileSync(files.fhir!, 'utf8')) as fhir4.DiagnosticReport;
		assert.deepEqual(checkDiagnosticReport(fhir), []);
		assert.equal(fhir.status, 'appended');
		assert.equal(fhir.resultsInterpreter?.[0]?.display, 'Dr. Ada Reader');
		assert.match(Buffer.from(fhir.presentedForm?.[0]?.data ?? '', 'base64').toString('utf8'), /ADDENDUM/);

		const hl7text = fs.readFileSync(files.hl7!, 'utf8');
		const hl7 = Hl7Message.parse(hl7text);
		assert.equal(hl7.getSegment('MSH')!.getField(9).toString(), 'ORU^R01^ORU_R01');
		assert.equal(hl7.getSegment('PID')!.getField(3).toString(), 'PAT1');
		assert.equal(hl7.getSegment('OBR')!.getField(25).toString(), 'C');
		const obx = hl7.getAllSegments('OBX');
		assert.equal(obx[0]!.getField(5).toString(), '1.2.826.0.1.3680043.8.498.1');
		assert.ok(obx.some((s) => s.getField(5).toString() === 'Cardiomegaly with a right pleural effusion.'));
		assert.ok(
			hl7text.split('\r').every((seg) => seg === '' || /^[A-Z]{2}[A-Z0-9]\|/.test(seg)),
			'segments only, separated by CR',
		);

		const handout = pdfText(files.handout!);
		for (const s of [
			'About your chest X-ray',
			'Your heart looks a little bigger than usual',
			'What this means for you',
			'Next steps',
			'The report from your doctor is the reference',
			'Checked by Dr. Ada Reader',
		]) {
			assert.ok(handout.replace(/\s+/g, ' ').includes(s), `handout has "${s}"`);
		}
		assert.equal(f.audit.forStudy(studyId).filter((a) => a.action === 'export').length, 6);
	},
);

test('corrections and conversations export as a RaDialog-instruct .json.gz', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	await f.reporting.draft(studyId);
	await f.reporting.decide(studyId, 'Pleural Effusion', 'rejected');
	await f.reporting.applyCorrections(studyId);
	await f.reporting.ask(studyId, { task: 'SU' });
	await f.signing.sign(studyId, true);
	const { path: file, records } = f.exports.exportDataset();
	assert.match(file, /\.json\.gz$/);
	const data = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as {
		instruction: string;
		output: string;
		dicom: string;
	}[];
	assert.equal(data.length, records);
	assert.equal(records, 3, 'report generation, correction, summary');
	for (const r of data) {
		assert.deepEqual(Object.keys(r).sort(), ['dicom', 'instruction', 'output']);
		assert.equal(r.instruction.match(/<IMG>/g)?.length, 32);
		assert.equal(r.dicom, '1.2.826.0.1.3680043.8.498.1.1.1');
	}
	const signed = f.store.report(studyId)!.findings;
	assert.equal(data[0]!.output, signed);
	assert.match(
		data[1]!.instruction,
		/ASSISTANT: .*pleural effusion.*<\/s>USER: .*(does not have|no longer|remove|exclude|no |absent).*pleural effusion/is,
	);
	assert.equal(data[1]!.output, signed);
	assert.match(data[2]!.instruction, /USER: .*(summar|short|bullet|important)/i);
});

test("the reader's credentials stand beside the signing name in PDF, text and SR, never beside another's", async () => {
	const { f, studyId } = await draftedStudy();
	f.settings.update({ readerCredentials: 'MD, Consultant Radiologist' });
	await f.signing.sign(studyId, true);
	const signer = 'Dr. Ada Reader, MD, Consultant Radiologist';
	const first = Object.fromEntries(
		(await f.exports.export(studyId, ['pdf', 'text', 'sr'])).map((x) => [x.format, x.path]),
	);
	assert.match(pdfText(first.pdf!), new RegExp(`Electronically signed by ${signer} on`));
	assert.match(fs.readFileSync(first.text!, 'utf8'), new RegExp(`Signed by ${signer} on`));
	const sr = execFileSync('dsrdump', ['+Pl', first.sr!], { encoding: 'utf8' });
	assert.match(sr, new RegExp(`"Comment"\\)="Signed by ${signer}"`));
	assert.match(sr, /Verifying Observers\s+: .*, Reader\^Ada\^\^Dr\., Unknown/, 'the observer name stays a name');

	// Another reader takes the workstation: their credentials must not appear under Dr. Reader's name.
	f.settings.update({ readerName: 'Dr. Bo Other', readerCredentials: 'Resident' });
	const again = Object.fromEntries((await f.exports.export(studyId, ['pdf', 'text'])).map((x) => [x.format, x.path]));
	assert.match(pdfText(again.pdf!), /Electronically signed by Dr\. Ada Reader on/);
	assert.doesNotMatch(fs.readFileSync(again.text!, 'utf8'), /Resident/);
});
