import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import dicomParser from 'dicom-parser';
import { renderPhantom } from '../../common/phantoms/renderPhantom.js';
import { phantomStudy } from '../../common/phantoms/PhantomStudy.js';
import { dciodvfyFindings } from '../../../test/helpers/dciodvfyFindings.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { generatePhantomStudies } from './generatePhantomStudies.js';

// A strict PACS checks the DX IOD; dciodvfy (dicom3tools), which this project did not write, does the same.
test('demo phantoms pass dciodvfy as DX For Presentation with no error and no warning', () => {
	const dir = tempDir('phantoms');
	const truth = generatePhantomStudies({ outDir: dir, count: 4, firstSeed: 11, size: 128 });
	for (const t of truth) {
		const found = dciodvfyFindings(path.join(dir, t.file));
		assert.deepEqual(found, { errors: [], warnings: [] }, t.file);
	}
});

test('the phantom header: chest PA, synthetic, linear in beam intensity; the pixels stay the rendered ones', () => {
	const dir = tempDir('phantoms');
	const [t] = generatePhantomStudies({ outDir: dir, count: 1, firstSeed: 5, size: 128 });
	const bytes = new Uint8Array(fs.readFileSync(path.join(dir, t!.file)));
	const ds = dicomParser.parseDicom(bytes);
	const item = (tag: string) => ds.elements[tag]?.items?.[0]?.dataSet;
	assert.equal(item('x00082218')?.string('x00080100'), '43799004', 'Anatomic Region: SCT Chest');
	assert.equal(item('x00540220')?.string('x00080100'), '399348003', 'View Code: SCT postero-anterior');
	assert.equal(ds.string('x00200062'), 'U');
	assert.equal(ds.string('x00281040'), 'LIN');
	assert.equal(ds.int16('x00281041'), -1, 'higher stored values where less of the beam arrives');
	assert.equal(ds.string('x20500020'), 'IDENTITY', 'MONOCHROME2');
	assert.equal(ds.string('x00280301'), 'NO');
	assert.match(ds.string('x00204000') ?? '', /Synthetic phantom/);
	const pix = ds.elements['x7fe00010']!;
	const rendered = renderPhantom(phantomStudy(5).case, 128).pixels;
	assert.ok(Buffer.from(bytes.buffer, pix.dataOffset, pix.length).equals(Buffer.from(rendered.buffer)));
	assert.equal(ds.string('x00080018'), phantomStudy(5).study.sopInstanceUid, 'UIDs still come from the seed');
});
