import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { terminalText } from '../../../src/node/cli/terminalText.js';
import { makeDicomFixture } from '../../helpers/dicomFixtures.js';
import { tempDir } from '../../helpers/tempDir.js';

test('control characters from outside are printed as visible escapes, other text as it is', () => {
	assert.equal(terminalText('M\u00fcller^\u5c71\u7530'), 'M\u00fcller^\u5c71\u7530');
	assert.equal(terminalText('EVIL\u001b[2J\u001b[31m^Name'), 'EVIL\\x1B[2J\\x1B[31m^Name');
	assert.equal(terminalText('A\u0000B\u0007\u009b'), 'A\\x00B\\x07\\x9B');
	assert.equal(terminalText('abc\u202edef'), 'abc\\x202Edef');
	assert.equal(terminalText('line\nbreak\ttab'), 'line\\x0Abreak\\x09tab');
});

test('`radialog studies` never hands an escape sequence from a patient name to the terminal', () => {
	const dir = tempDir();
	const file = makeDicomFixture(path.join(dir, 'in', 'evil.dcm'), 'dx16', { patient: 'EVIL\u001b[2J^Name' });
	const cli = (...args: string[]) =>
		spawnSync(process.execPath, [path.resolve('bin/radialog.mjs'), ...args, '--data-dir', path.join(dir, 'data')], {
			encoding: 'utf8',
			timeout: 120_000,
		});
	assert.equal(cli('import', file).status, 0);
	const listed = cli('studies');
	assert.equal(listed.status, 0, listed.stderr);
	assert.ok(!listed.stdout.includes('\u001b'), JSON.stringify(listed.stdout));
	assert.match(listed.stdout, /EVIL\\x1B\[2J/);
});
