import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { parseDicomBytes } from './parseDicomBytes.js';
import { part10File } from './part10File.js';

test('a received data set becomes a Part 10 file dcmtk reads: meta header padded, group length right', () => {
	const dir = tempDir('radialog-part10-');
	const source = fs.readFileSync(makeDicomFixture(path.join(dir, 'source.dcm'), 'dx16'));
	// The data set as it travels over the network: the file without preamble and meta header.
	const meta = parseDicomBytes(source);
	const datasetAt = 132 + 12 + (meta.uint32('x00020000') ?? 0);
	const dataset = source.subarray(datasetAt);
	// Odd and even lengths, with and without the sender's AE title.
	for (const [sopInstanceUid, sourceAeTitle] of [
		['1.2.826.0.1.3680043.10.1373.77.1', 'MODALITY1'],
		['1.2.826.0.1.3680043.10.1373.77.10', ''],
	] as const) {
		const transferSyntaxUid = '1.2.840.10008.1.2.1';
		const sopClassUid = '1.2.840.10008.5.1.4.1.1.1.1';
		const file = path.join(dir, `${sopInstanceUid}.dcm`);
		fs.writeFileSync(
			file,
			part10File([dataset], { sopClassUid, sopInstanceUid, transferSyntaxUid, sourceAeTitle }),
		);
		const dump = execFileSync('dcmdump', ['-M', '+L', '-Un', file], { encoding: 'utf8' });
		assert.doesNotMatch(dump, /E:|W:/, dump);
		const value = (tag: string) => new RegExp(`\\(${tag}\\) \\w\\w \\[([^\\]]*)\\]`).exec(dump)?.[1];
		assert.equal(value('0002,0003'), sopInstanceUid);
		assert.equal(value('0002,0002'), sopClassUid);
		assert.equal(value('0002,0010'), transferSyntaxUid);
		assert.equal(value('0002,0016'), sourceAeTitle || undefined);
		const parsed = parseDicomBytes(fs.readFileSync(file));
		assert.equal(parsed.uint32('x00020000'), endOfMeta(parsed) - 144, 'group length: from after itself');
		assert.ok(fs.readFileSync(file).subarray(-dataset.length).equals(dataset), 'the data set byte for byte');
	}
});

/** Where the meta header's last element ends, as read back. */
function endOfMeta(ds: ReturnType<typeof parseDicomBytes>): number {
	return Math.max(
		...Object.values(ds.elements)
			.filter((e) => e.tag.startsWith('x0002'))
			.map((e) => e.dataOffset + e.length),
	);
}
