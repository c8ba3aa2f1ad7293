import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { decodeDicomFile } from './decodeDicom.js';

const dir = tempDir('radialog-plane-');

test('spacing says whether it is Pixel Spacing or Imager Pixel Spacing; orientation letters come through', async () => {
	const both = await decodeDicomFile(
		makeDicomFixture(path.join(dir, 'both.dcm'), 'dx16', { imagerspacing: '0.15/0.1', orientation: 'L/F' }),
	);
	assert.deepEqual(both.pixelSpacing, [0.2, 0.2]);
	assert.equal(both.pixelSpacingSource, 'patient');
	assert.deepEqual(both.patientOrientation, ['L', 'F']);

	const imager = await decodeDicomFile(
		makeDicomFixture(path.join(dir, 'imager.dcm'), 'dx16', { pixelspacing: 'none', imagerspacing: '0.15/0.1' }),
	);
	assert.deepEqual(imager.pixelSpacing, [0.15, 0.1]);
	assert.equal(imager.pixelSpacingSource, 'detector');
	assert.equal(imager.patientOrientation, null);

	const none = await decodeDicomFile(makeDicomFixture(path.join(dir, 'none.dcm'), 'dx8', { pixelspacing: 'none' }));
	assert.equal(none.pixelSpacing, null);
	assert.equal(none.pixelSpacingSource, null);
});
