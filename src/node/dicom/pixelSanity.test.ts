import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { daikonTestFiles, pydicomTestFiles } from '../../../test/helpers/dicomFixtures.js';
import { mutatePixelHeader } from '../../../test/helpers/mutatePixelHeader.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { DecodedImage } from '../../common/domain/DecodedImage.js';
import { decodeDicomFile } from './decodeDicom.js';
import { DicomReadError } from './DicomErrors.js';
import { PixelDataMismatchError } from './PixelDataMismatchError.js';

const dir = tempDir('radialog-pixel-sanity-');
const ts = {
	explicitLittle: '1.2.840.10008.1.2.1',
	jpegBaseline: '1.2.840.10008.1.2.4.50',
	jpegLossless: '1.2.840.10008.1.2.4.70',
	jpegLs: '1.2.840.10008.1.2.4.80',
	j2k: '1.2.840.10008.1.2.4.90',
	rle: '1.2.840.10008.1.2.5',
};

/** One real sample per codec, what its header says, and the syntaxes it can be relabelled to. */
const samples = [
	{
		name: 'native',
		file: path.join(pydicomTestFiles, 'MR_small.dcm'),
		bits: 16,
		to: [ts.jpegBaseline, ts.rle],
	},
	{
		name: 'JPEG baseline',
		file: path.join(pydicomTestFiles, 'SC_rgb_jpeg_dcmtk.dcm'),
		bits: 8,
		to: [ts.explicitLittle, ts.j2k],
	},
	{
		name: 'JPEG lossless',
		file: path.join(daikonTestFiles, 'jpeg_lossless_sel1.dcm'),
		bits: 16,
		to: [ts.explicitLittle, ts.jpegBaseline],
	},
	{
		name: 'JPEG-LS',
		file: path.join(pydicomTestFiles, 'MR_small_jpeg_ls_lossless.dcm'),
		bits: 16,
		to: [ts.explicitLittle, ts.j2k],
	},
	{
		name: 'JPEG 2000',
		file: path.join(pydicomTestFiles, 'MR_small_jp2klossless.dcm'),
		bits: 16,
		to: [ts.explicitLittle, ts.jpegLs],
	},
	{
		name: 'RLE',
		file: path.join(pydicomTestFiles, 'MR_small_RLE.dcm'),
		bits: 16,
		to: [ts.explicitLittle, ts.jpegLossless],
	},
];

function mutationsOf(s: (typeof samples)[number], rows: number): string[] {
	const compressed = s.name !== 'native';
	return [
		...s.to.map((uid) => `ts=${uid}`),
		'set=BitsStored:0',
		`set=BitsStored:${s.bits + 4}`,
		`set=HighBit:${s.bits - 5}`,
		`set=Rows:${rows - 1}`,
		`set=Rows:${rows * 2}`,
		`set=Columns:${rows + 2}`,
		'set=NumberOfFrames:2',
		'set=RescaleSlope:1e308',
		'set=RescaleSlope:NaN',
		'set=RescaleSlope:0',
		'set=RescaleIntercept:1e308',
		...(compressed ? ['truncate-fragment', 'garbage-fragment'] : []),
	];
}

function sameImage(a: DecodedImage, b: DecodedImage): boolean {
	if (a.rows !== b.rows || a.columns !== b.columns || a.pixels.length !== b.pixels.length) return false;
	for (let i = 0; i < a.pixels.length; i++) if (a.pixels[i] !== b.pixels[i]) return false;
	return true;
}

for (const s of samples) {
	test(`${s.name}: a header at odds with its pixels is refused with a reason or decodes right`, async () => {
		const good = await decodeDicomFile(s.file);
		const mutations = mutationsOf(s, good.rows);
		const files = mutatePixelHeader(s.file, dir, mutations);
		let refused = 0;
		for (const [i, file] of files.entries()) {
			const label = `${s.name} ${mutations[i]}`;
			try {
				const image = await decodeDicomFile(file);
				assert.ok(sameImage(image, good), `${label}: decoded to other pixels without a word`);
			} catch (err) {
				assert.ok(err instanceof DicomReadError, `${label}: ${String(err)}`);
				assert.match(err.message, /\w{4,}.*\w{4,}/, `${label}: the reason is a sentence`);
				refused++;
			}
		}
		// Bits Stored 0, the rescale values and the size changes cannot decode right: each needs a reason.
		assert.ok(refused >= 8, `${s.name}: only ${refused} of ${files.length} refused`);
	});
}

test('the named error says which attribute disagrees with what, for a reader and for IT', async () => {
	const mr = path.join(pydicomTestFiles, 'MR_small.dcm');
	const jls = path.join(pydicomTestFiles, 'MR_small_jpeg_ls_lossless.dcm');
	const [bits, slope, rows] = mutatePixelHeader(mr, path.join(dir, 'named'), [
		'set=BitsStored:0',
		'set=RescaleSlope:1e308',
		'set=Rows:63',
	]);
	const [relabelled, cols] = mutatePixelHeader(jls, path.join(dir, 'named'), [
		`ts=${ts.explicitLittle}`,
		'set=Columns:66',
	]);
	const cases: [string, RegExp][] = [
		[bits!, /Bits Stored is 0/],
		[slope!, /Rescale Slope is 1e308/],
		[rows!, /8192 bytes.*make 8064/],
		[relabelled!, /uncompressed transfer syntax.*JPEG-LS stream.*relabelled/],
		[cols!, /header says 64 × 66.*JPEG-LS data holds 64 × 64/],
	];
	for (const [file, reason] of cases) {
		await assert.rejects(decodeDicomFile(file), (err: unknown) => {
			assert.ok(err instanceof PixelDataMismatchError, `${file}: ${String(err)}`);
			assert.match(err.message, reason);
			return true;
		});
	}
});

test('valid files of every codec, JP2-wrapped and zero-padded ones included, still decode', async () => {
	for (const f of [...samples.map((s) => s.file), 'GDCMJ2K_TextGBR.dcm', 'MR_small_padded.dcm', 'JPEG-lossy.dcm']) {
		const image = await decodeDicomFile(path.isAbsolute(f) ? f : path.join(pydicomTestFiles, f));
		assert.ok(image.rows > 0 && image.pixels.length >= image.rows * image.columns, f);
	}
});
