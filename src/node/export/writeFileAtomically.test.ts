// Exports never write through a link planted in the export folder, and never into a relative folder
// (which would resolve against the install folder).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { ExportFolderNotAbsoluteError } from './ExportErrors.js';
import type { ReportDocument } from './ReportDocument.js';
import { ReportExports } from './ReportExports.js';
import { writeFileAtomically } from './writeFileAtomically.js';

test('a link at the old temporary name (file.<pid>.tmp) or at the final name is not followed', () => {
	const dir = tempDir();
	const victim = path.join(dir, 'victim.txt');
	fs.writeFileSync(victim, 'precious');
	const file = path.join(dir, 'report.txt');
	fs.symlinkSync(victim, `${file}.${process.pid}.tmp`);
	writeFileAtomically(file, 'the report');
	assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
	assert.equal(fs.readFileSync(file, 'utf8'), 'the report');

	const linked = path.join(dir, 'linked.txt');
	fs.symlinkSync(victim, linked);
	writeFileAtomically(linked, 'another report');
	assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
	assert.ok(!fs.lstatSync(linked).isSymbolicLink());
	// Only the two reports, the planted link and the victim remain: no temporary file is left behind.
	assert.deepEqual(
		fs.readdirSync(dir).sort(),
		[`report.txt.${process.pid}.tmp`, 'linked.txt', 'report.txt', 'victim.txt'].sort(),
	);
});

test('a relative export folder is refused with a message that says what to do', async () => {
	const exports = new ReportExports({
		reports: {
			// The folder is refused before any of the document is read.
			document: () => ({}) as ReportDocument,
			handout: () => null,
			datasetCases: () => [],
		},
		audit: { record: () => undefined },
		reader: { readerName: () => 'Dr A' },
		readerCredentials: () => '',
		exportFolder: () => 'reports/out',
	});
	await assert.rejects(exports.export(1, ['text']), ExportFolderNotAbsoluteError);
	assert.ok(!fs.existsSync(path.resolve('reports')));
});
