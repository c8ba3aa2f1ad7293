import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { rgb } from 'pdf-lib';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { ReportDocuments } from '../reporting/ReportDocuments.js';
import { reportNoteExtension } from './fhirExport.js';
import { PdfLayout } from './PdfLayout.js';
import { ReportExports } from './ReportExports.js';

// Each format is read back by a parser this project did not write: dcmtk, python-hl7, poppler.
const unicode = '≥ 2 cm, Łódź, Müller, Διονυσιος, 肺';
const impression = `Nodule ${unicode}.`;
const notice = 'Demo models, synthetic data, not for clinical use';

async function signedUnicodeReport() {
	const dir = tempDir();
	const f = reportingFixture(dir);
	const studyId = insertStudy(f.db);
	f.db
		.prepare(`UPDATE patients SET name = ?, person_name = ?`)
		.run('Łódź-Müller, Hans Jürgen', 'Łódź-Müller^Hans^Jürgen^Dr.');
	f.db.prepare(`UPDATE studies SET dicom_study_id = 'S-4711' WHERE id = ?`).run(studyId);
	f.settings.update({
		hl7: {
			sendingApplication: 'RADIALOG',
			sendingFacility: 'RAD DEPT',
			receivingApplication: 'PACS',
			receivingFacility: 'GENERAL HOSPITAL',
			mllp: null,
		},
	});
	await f.reporting.draft(studyId);
	f.reporting.save(studyId, { findings: f.store.report(studyId)!.findings, impression });
	await f.signing.sign(studyId, true);
	const exports = new ReportExports({
		reports: new ReportDocuments(f.store, f.studies),
		audit: f.audit,
		reader: { readerName: () => 'Dr. Ada Reader' },
		readerCredentials: () => '',
		exportFolder: () => path.join(dir, 'exports'),
		hl7Settings: () => f.settings.get().hl7,
	});
	const files = Object.fromEntries(
		(await exports.export(studyId, ['pdf', 'sr', 'fhir', 'hl7'])).map((x) => [x.format, x.path]),
	);
	return { f, studyId, files };
}

test('the SR carries the patient name as PN components and the Study ID (dcmdump, dsrdump)', async () => {
	const { files } = await signedUnicodeReport();
	const dcm = execFileSync('dcmdump', ['+U8', '+P', '0010,0010', '+P', '0020,0010', files.sr!], {
		encoding: 'utf8',
	});
	assert.match(dcm, /\(0010,0010\) PN \[Łódź-Müller\^Hans\^Jürgen\^Dr\.\]/);
	assert.match(dcm, /\(0020,0010\) SH \[S-4711\]/);
	execFileSync('dsrdump', ['-Dv', files.sr!]);
});

test('a study imported before the PN was kept still exports name components, from the readable name', async () => {
	const f = reportingFixture(tempDir());
	const studyId = insertStudy(f.db);
	f.db.prepare(`UPDATE patients SET name = 'Sample, Jules', person_name = NULL`).run();
	await f.reporting.draft(studyId);
	const doc = new ReportDocuments(f.store, f.studies).document(studyId);
	assert.equal(doc.study.personName, 'Sample^Jules');
	assert.equal(doc.study.studyId, null);
});

test('HL7 ORU^R01 read by python-hl7: PID-5 components, MSH-3..6 from the settings, ORC, notice in NTE', async () => {
	const { files } = await signedUnicodeReport();
	const script = `
import hl7, json, sys
m = hl7.parse(open(sys.argv[1], encoding='utf-8', newline='').read())
print(json.dumps({
  'family': str(m['PID.F5.R1.C1']), 'given': str(m['PID.F5.R1.C2']), 'middle': str(m['PID.F5.R1.C3']),
  'prefix': str(m['PID.F5.R1.C5']),
  'msh': [str(m['MSH.F%d' % i]) for i in (3, 4, 5, 6)],
  'orc': [str(m['ORC.F1']), str(m['ORC.F2']), str(m['ORC.F3'])],
  'nte': [str(s[3]) for s in m.segments('NTE')],
  'obx': [str(s[5]) for s in m.segments('OBX')],
}, ensure_ascii=False))`;
	const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, files.hl7!], { encoding: 'utf8' })) as {
		family: string;
		given: string;
		middle: string;
		prefix: string;
		msh: string[];
		orc: string[];
		nte: string[];
		obx: string[];
	};
	assert.deepEqual(
		[out.family, out.given, out.middle, out.prefix],
		['Łódź-Müller', 'Hans', 'Jürgen', 'Dr.'],
		'PID-5 is family^given^second^suffix^prefix',
	);
	assert.deepEqual(out.msh, ['RADIALOG', 'RAD DEPT', 'PACS', 'GENERAL HOSPITAL']);
	assert.deepEqual(out.orc, ['RE', 'ACC1', 'ACC1']);
	assert.ok(
		out.nte.some((n) => n.includes(notice)),
		'the model notice is an NTE',
	);
	assert.ok(out.obx.includes(impression), 'the impression is an OBX of its own');
	assert.ok(!out.obx.some((o) => o.includes(notice)), 'no report line carries the notice');
});

/** Paths of every empty string, empty array and empty object in a JSON value. */
function empties(value: unknown, at = '$'): string[] {
	if (typeof value === 'string') return value.trim() ? [] : [at];
	if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => empties(v, `${at}[${i}]`)) : [at];
	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		return entries.length ? entries.flatMap(([k, v]) => empties(v, `${at}.${k}`)) : [at];
	}
	return value === null ? [at] : [];
}

test('FHIR: HumanName parts, no empty element anywhere, conclusion is the impression, notice a note', async () => {
	const { files } = await signedUnicodeReport();
	const fhir = JSON.parse(fs.readFileSync(files.fhir!, 'utf8')) as fhir4.DiagnosticReport;
	assert.deepEqual(empties(fhir), []);
	const patient = fhir.contained?.find((c) => c.resourceType === 'Patient') as fhir4.Patient;
	const name = patient.name![0]!;
	assert.equal(name.family, 'Łódź-Müller');
	assert.deepEqual(name.given, ['Hans', 'Jürgen']);
	assert.deepEqual(name.prefix, ['Dr.']);
	assert.equal(name.suffix, undefined, 'an empty suffix is left out, not []');
	assert.equal(fhir.conclusion, impression);
	const notes = fhir.extension?.filter((e) => e.url === reportNoteExtension).map((e) => e.valueAnnotation?.text);
	assert.ok(notes?.some((n) => n?.includes(notice)));
});

test('the report PDF embeds a Unicode font and its text comes back (pdffonts, pdftotext)', async () => {
	const { files } = await signedUnicodeReport();
	const fonts = execFileSync('pdffonts', [files.pdf!], { encoding: 'utf8' });
	assert.doesNotMatch(fonts, /Helvetica/);
	const rows = fonts.split('\n').slice(2).filter(Boolean);
	assert.ok(rows.length >= 2, fonts);
	for (const row of rows) assert.match(row, /CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/, row);
	const text = execFileSync('pdftotext', [files.pdf!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	assert.ok(text.includes(unicode), text);
	assert.ok(text.includes('Łódź-Müller, Hans Jürgen'));
});

/** A one-character PDF rendered in grey by pdftoppm: the dark pixel count and the raster. */
async function render(ch: string): Promise<{ ink: number; raster: Buffer }> {
	const l = await PdfLayout.create('glyph', null, ch);
	l.text(ch, { size: 96, color: rgb(0, 0, 0) });
	const file = path.join(tempDir(), 'glyph.pdf');
	fs.writeFileSync(file, await l.save());
	const pgm = execFileSync('pdftoppm', ['-gray', '-r', '36', '-f', '1', '-l', '1', file]);
	// P5 header: magic, width, height, maxval, each followed by whitespace.
	const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 40))!;
	const raster = pgm.subarray(header[0].length);
	return { ink: raster.filter((v) => v < 128).length, raster };
}

test('pdftoppm draws the glyphs: each character has ink and differs from its neighbour', async () => {
	for (const [a, b] of [
		['≥', '≤'],
		['Ł', 'Ż'],
		['Δ', 'Θ'],
		['肺', '心'],
	] as const) {
		const [ra, rb] = [await render(a), await render(b)];
		assert.ok(ra.ink > 20 && rb.ink > 20, `${a} and ${b} are drawn`);
		assert.ok(!ra.raster.equals(rb.raster), `${a} and ${b} are different glyphs, not one stand-in`);
	}
});
