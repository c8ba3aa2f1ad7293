import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from '../../../../test/helpers/tempDir.js';
import { makeDicomFixture } from '../../../../test/helpers/dicomFixtures.js';

const run = promisify(execFile);
const cli = path.resolve('bin/radialog.mjs');

const importThenList = 'radialog import prints the report and exits non-zero only when nothing could be imported';
test(`${importThenList}; radialog studies lists them`, async () => {
	const input = tempDir('radialog-cli-in-');
	const dataDir = tempDir('radialog-cli-data-');
	makeDicomFixture(path.join(input, 'one.dcm'), 'dx16', { patient: 'Cli^Test', pid: 'C1' });
	fs.writeFileSync(path.join(input, 'bad.dcm'), 'nope');
	const { stdout } = await run(process.execPath, [cli, 'import', input, '--data-dir', dataDir, '--json']);
	const report = JSON.parse(stdout) as { imported: number; failed: number; errors: { file: string; code: string }[] };
	assert.equal(report.imported, 1);
	assert.equal(report.failed, 1);
	assert.equal(report.errors[0]?.code, 'not_dicom');

	const text = await run(process.execPath, [cli, 'import', input, '--data-dir', dataDir]);
	assert.match(text.stdout, /0 imported, 1 already stored, 1 failed/);

	await assert.rejects(
		run(process.execPath, [cli, 'import', path.join(input, 'bad.dcm'), '--data-dir', dataDir]),
		(e: { code?: number; stdout?: string }) => {
			assert.equal(e.code, 1);
			assert.match(e.stdout ?? '', /Not a DICOM file/);
			return true;
		},
	);

	const list = JSON.parse(
		(await run(process.execPath, [cli, 'studies', '--data-dir', dataDir, '--json'])).stdout,
	) as { total: number; items: { patientName: string }[] };
	assert.equal(list.total, 1);
	assert.equal(list.items[0]?.patientName, 'Cli, Test');
});
