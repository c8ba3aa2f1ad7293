import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Fhir } from 'fhir';
import { dciodvfyFindings } from '../../../test/helpers/dciodvfyFindings.js';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { ReportDocuments } from '../reporting/ReportDocuments.js';
import { ReportExports } from './ReportExports.js';
import { signerPersonName } from './signerPersonName.js';

// Parsers this project did not write: dicom3tools' dciodvfy for the SR, the fhir package's R4 validator.

/**
 * A study whose images had no Study ID, the reader typing their name given name first with a title, the
 * way a report is signed: the cases a strict PACS flagged. Signed or left a draft.
 */
async function exported(signed: boolean) {
	const dir = tempDir();
	const f = reportingFixture(dir);
	const studyId = insertStudy(f.db);
	f.db.prepare(`UPDATE patients SET name = ?, person_name = ?`).run('Łódź-Müller, Hans', 'Łódź-Müller^Hans');
	await f.reporting.draft(studyId);
	if (signed) await f.signing.sign(studyId, true);
	const exports = new ReportExports({
		reports: new ReportDocuments(f.store, f.studies),
		audit: f.audit,
		reader: { readerName: () => 'Dr. Ada Reader' },
		readerCredentials: () => 'MD, Consultant Radiologist',
		exportFolder: () => path.join(dir, 'exports'),
		hl7Settings: () => f.settings.get().hl7,
	});
	const files = await exports.export(studyId, ['sr', 'fhir']);
	return Object.fromEntries(files.map((x) => [x.format, x.path]));
}

for (const signed of [true, false])
	test(`the ${signed ? 'signed' : 'draft'} SR passes dciodvfy with no error and no warning`, async () => {
		const files = await exported(signed);
		assert.deepEqual(dciodvfyFindings(files.sr!), { errors: [], warnings: [] });
	});

test('the SR has a Study ID and the signer as PN components, which dsrdump reads back as the name', async () => {
	const files = await exported(true);
	const dcm = execFileSync('dcmdump', ['+U8', '+P', '0020,0010', '+P', '0040,a075', files.sr!], { encoding: 'utf8' });
	assert.match(dcm, /\(0020,0010\) SH \[ACC1\]/, 'the accession number stands in for the missing Study ID');
	assert.match(dcm, /\(0040,a075\) PN \[Reader\^Ada\^\^Dr\.\]/);
	const sr = execFileSync('dsrdump', ['+U8', '+Pl', files.sr!], { encoding: 'utf8' });
	assert.match(sr, /Patient\s+: Łódź-Müller\^Hans/);
	assert.match(sr, /Verifying Observers : [\d-]+ [\d:]+, Reader\^Ada\^\^Dr\., Unknown/);
	assert.match(sr, /Signed by Dr\. Ada Reader, MD, Consultant Radiologist/);
});

test('signer names become PN components: given name first, titles as prefix, "Family, Given" and PN kept', () => {
	assert.equal(signerPersonName('Dr. Ada Reader'), 'Reader^Ada^^Dr.');
	assert.equal(signerPersonName('Prof. Dr. Ada Maria Reader'), 'Reader^Ada^Maria^Prof. Dr.');
	assert.equal(signerPersonName('Ada Reader'), 'Reader^Ada');
	assert.equal(signerPersonName('Reader'), 'Reader');
	assert.equal(signerPersonName('Reader, Ada'), 'Reader^Ada');
	assert.equal(signerPersonName('Reader^Ada^^Dr.'), 'Reader^Ada^^Dr.');
});

/** Paths of every empty array, empty object and blank string in a JSON value. */
function empties(value: unknown, at = '$'): string[] {
	if (typeof value === 'string') return value.trim() ? [] : [at];
	if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => empties(v, `${at}[${i}]`)) : [at];
	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		return entries.length ? entries.flatMap(([k, v]) => empties(v, `${at}.${k}`)) : [at];
	}
	return value === null ? [at] : [];
}

/**
 * Value sets the validator does not ship, so it cannot look codes up in them and warns at that element. None
 * is a required binding to an enumerated list: report-codes (all of LOINC) is preferred, the service
 * sections are an example binding, and mimetypes is BCP 13, which has no list to ship.
 */
const unshippedValueSets = [
	'http://hl7.org/fhir/ValueSet/diagnostic-service-sections',
	'http://hl7.org/fhir/ValueSet/mimetypes',
	'http://hl7.org/fhir/ValueSet/report-codes',
];

for (const signed of [true, false])
	test(`the ${signed ? 'signed' : 'draft'} FHIR report is valid R4 (fhir package), no empty element`, async () => {
		const files = await exported(signed);
		const json = JSON.parse(fs.readFileSync(files.fhir!, 'utf8')) as object;
		const result = new Fhir().validate(json, { errorOnUnexpected: true });
		assert.equal(result.valid, true);
		const missing = result.messages.filter((m) => /^Value set ".+" could not be found\.$/.test(m.message ?? ''));
		const unshipped = new Set(missing.map((m) => /"(.+)"/.exec(m.message!)![1]));
		assert.deepEqual([...unshipped].sort(), unshippedValueSets);
		const lookedUpThere = new Set(missing.map((m) => m.location));
		const blocking: string[] = ['error', 'fatal'];
		const unexplained = result.messages.filter(
			(m) => blocking.includes(m.severity ?? '') || !lookedUpThere.has(m.location),
		);
		assert.deepEqual(unexplained, []);
		assert.deepEqual(empties(json), []);
	});

test('without a Study ID or an accession number the SR takes the tail of the Study Instance UID', async () => {
	const dir = tempDir();
	const f = reportingFixture(dir);
	const studyId = insertStudy(f.db);
	f.db.prepare(`UPDATE studies SET accession_number = NULL`).run();
	await f.reporting.draft(studyId);
	const [sr] = await f.exports.export(studyId, ['sr']);
	const dcm = execFileSync('dcmdump', ['+P', '0020,0010', sr!.path], { encoding: 'utf8' });
	assert.match(dcm, /\(0020,0010\) SH \[2601368004384981\]/, '1.2.826.0.1.3680043.8.498.1 without dots, last 16');
	assert.deepEqual(dciodvfyFindings(sr!.path), { errors: [], warnings: [] });
});
