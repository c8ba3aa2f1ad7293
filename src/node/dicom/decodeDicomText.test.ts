// Names in every character set pydicom's test files cover (Latin, Greek, Cyrillic, Arabic, Hebrew,
// UTF-8, GB18030, and the ISO 2022 forms of Japanese and Korean), checked against pydicom's decoding:
// a decoder this project did not write.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readDicomHeader, text } from './DicomHeader.js';
import { decodeDicomText } from './decodeDicomText.js';
import { parseDicomBytes } from './parseDicomBytes.js';

const charsetFiles = '/usr/lib/python3/dist-packages/pydicom/data/charset_files';
const pydicomNames = JSON.parse(
	execFileSync('/usr/bin/python3', [
		'-c',
		[
			'import glob, json, os, pydicom',
			`files = sorted(glob.glob(os.path.join('${charsetFiles}', 'chr*.dcm')))`,
			'out = {os.path.basename(f): str(pydicom.dcmread(f).get("PatientName", "")) for f in files}',
			'print(json.dumps(out))',
		].join('\n'),
	]).toString(),
) as Record<string, string>;

test('patient names decode as pydicom decodes them, in every character set of its test files', () => {
	const names = Object.entries(pydicomNames).filter(([, name]) => name !== '');
	assert.ok(names.length >= 14, `${names.length} files`);
	for (const [file, expected] of names) {
		const ds = parseDicomBytes(fs.readFileSync(path.join(charsetFiles, file)));
		// pydicom drops empty trailing name groups ("...="), which carry nothing.
		assert.equal(text(ds, 'x00100010')?.replace(/[=^]+$/, ''), expected, file);
	}
});

test('the readable name of a UTF-8 and a Latin-1 file', () => {
	const read = (f: string) => readDicomHeader(parseDicomBytes(fs.readFileSync(path.join(charsetFiles, f))));
	assert.equal(read('chrGerm.dcm').patientName, 'Äneas, Rüdiger');
	assert.equal(read('chrX1.dcm').patientName, 'Wang, XiaoDong');
});

test('ISO 2022: escapes switch the decoder; delimiters return to the first character set', () => {
	const bytes = Buffer.from('Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7', 'latin1');
	assert.equal(decodeDicomText(bytes, '\\ISO 2022 IR 149'), 'Hong^Gildong=洪^吉洞');
	const jis = Buffer.from('\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B', 'latin1');
	assert.equal(decodeDicomText(jis, '\\ISO 2022 IR 87'), '山田^太郎');
});

test('ISO_IR 100 is Latin-1, not windows-1252; an unknown term falls back to Latin-1', () => {
	assert.equal(decodeDicomText(Buffer.from([0x4d, 0xfc, 0x6c, 0x80]), 'ISO_IR 100'), 'Mül\u0080');
	assert.equal(decodeDicomText(Buffer.from([0x4d, 0xfc]), 'ISO_IR 999'), 'Mü');
});

test('a NUL inside a name is shown, not a place where the name ends', () => {
	const file = path.join(charsetFiles, 'chrGerm.dcm');
	const bytes = Buffer.from(fs.readFileSync(file));
	const ds = parseDicomBytes(bytes);
	const el = ds.elements.x00100010!;
	bytes[el.dataOffset + 3] = 0; // "Äne\0s^Rüdiger"
	assert.equal(text(parseDicomBytes(bytes), 'x00100010'), 'Äne\uFFFDs^Rüdiger');
});
