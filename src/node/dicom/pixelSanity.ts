import { readCodestreamHeader, type CodestreamHeader } from './codestreamHeader.js';
import type { DicomDataSet } from './parseDicomBytes.js';
import { PixelDataMismatchError } from './PixelDataMismatchError.js';
import type { PixelEncoding, TransferSyntax } from './transferSyntaxes.js';

/**
 * Rescale Slope and Intercept beyond these turn any detector value into nonsense (or Infinity in a
 * float); real ones are near 1 and within a few thousand.
 */
const slopeRange = [1e-6, 1e6] as const;
const interceptLimit = 1e6;

/** Bits Stored and High Bit must fit Bits Allocated, low-aligned, the only layout the IODs allow. */
export function checkPrecision(
	bitsAllocated: number,
	bitsStored: number | undefined,
	highBit: number | undefined,
): void {
	if (bitsStored !== undefined && (bitsStored < 1 || bitsStored > bitsAllocated))
		throw new PixelDataMismatchError(
			`Bits Stored is ${bitsStored} but Bits Allocated is ${bitsAllocated}; Bits Stored must be 1 to ` +
				`${bitsAllocated}, so the header's bit depth is wrong.`,
		);
	const stored = bitsStored ?? bitsAllocated;
	if (highBit !== undefined && highBit !== stored - 1)
		throw new PixelDataMismatchError(
			`High Bit is ${highBit} but Bits Stored is ${stored}; High Bit must be ${stored - 1}, so the header's ` +
				'bit depth is inconsistent.',
		);
}

function decimal(ds: DicomDataSet, tag: string): number | undefined {
	const text = ds.string(tag)?.split('\\')[0]?.trim();
	return text ? Number(text) : undefined;
}

/** The modality rescale, or the reason it cannot be trusted; absent values mean identity. */
export function modalityRescale(ds: DicomDataSet): { slope: number; intercept: number } {
	const slope = decimal(ds, 'x00281053') ?? 1;
	const intercept = decimal(ds, 'x00281052') ?? 0;
	const size = Math.abs(slope);
	if (!Number.isFinite(slope) || size < slopeRange[0] || size > slopeRange[1])
		throw new PixelDataMismatchError(
			`Rescale Slope is ${ds.string('x00281053')}; it must be a finite number between ${slopeRange[0]} and ` +
				`${slopeRange[1]} (not zero), or the displayed values would be meaningless.`,
		);
	if (!Number.isFinite(intercept) || Math.abs(intercept) > interceptLimit)
		throw new PixelDataMismatchError(
			`Rescale Intercept is ${ds.string('x00281052')}; it must be a finite number within ±${interceptLimit}.`,
		);
	return { slope, intercept };
}

const streamName: Record<CodestreamHeader['process'], string> = {
	dct: 'JPEG (DCT)',
	lossless: 'JPEG Lossless',
	'jpeg-ls': 'JPEG-LS',
	'jpeg-2000': 'JPEG 2000',
};

const expectedProcess: Partial<Record<PixelEncoding, CodestreamHeader['process']>> = {
	'jpeg-baseline': 'dct',
	'jpeg-lossless': 'lossless',
	'jpeg-ls': 'jpeg-ls',
	'jpeg-2000': 'jpeg-2000',
};

/** What the compressed bytes are, in words, for a message about a relabelled file. */
export function describeStream(bytes: Uint8Array): string {
	const h = readCodestreamHeader(bytes);
	return h ? `a ${streamName[h.process]} stream` : 'no JPEG, JPEG-LS or JPEG 2000 stream';
}

/**
 * The compressed frame must be the codec its transfer syntax names and the size the header gives. A
 * relabelled file is refused, as dcmtk refuses it, rather than decoded with a guessed codec: the rest
 * of the header (bit depth, colour, lossy flag) was written for the label, not for the stream.
 */
export function checkCodestream(
	ts: TransferSyntax,
	frame: Uint8Array,
	pm: { rows: number; columns: number; samplesPerPixel: number; bitsAllocated: number },
): void {
	const h = readCodestreamHeader(frame);
	const want = expectedProcess[ts.encoding];
	if (ts.encoding === 'rle') {
		if (h)
			throw new PixelDataMismatchError(
				`The file is labelled ${ts.name} but its pixel data is ${describeStream(frame)}: the transfer ` +
					'syntax was relabelled by the sender.',
			);
		return;
	}
	if (!want) return;
	if (!h || h.process !== want)
		throw new PixelDataMismatchError(
			`The file is labelled ${ts.name} but its pixel data is ${describeStream(frame)}: the transfer syntax ` +
				'does not match the compressed data (relabelled or damaged).',
		);
	if (!endsWithEndMarker(frame))
		throw new PixelDataMismatchError(
			`The ${streamName[h.process]} data of this frame stops before its end marker: the compressed pixel data ` +
				'is truncated (an interrupted transfer or a damaged file).',
		);
	const sizeKnown = h.rows > 0; // JPEG may defer the row count to a DNL marker
	if ((sizeKnown && h.rows !== pm.rows) || h.columns !== pm.columns || h.components !== pm.samplesPerPixel)
		throw new PixelDataMismatchError(
			`The header says ${pm.rows} × ${pm.columns} pixels with ${pm.samplesPerPixel} sample(s) per pixel, but ` +
				`the ${streamName[h.process]} data holds ${h.rows} × ${h.columns} with ${h.components}.`,
		);
	if (h.precision > pm.bitsAllocated)
		throw new PixelDataMismatchError(
			`The ${streamName[h.process]} data holds ${h.precision}-bit samples but Bits Allocated is ` +
				`${pm.bitsAllocated}.`,
		);
}

/**
 * JPEG, JPEG-LS and JPEG 2000 streams all end with FFD9 (EOI, EOC), a pair their coded data never holds
 * (stuffing forbids it), so a stream without one was cut off. Padding or junk may follow it.
 */
function endsWithEndMarker(frame: Uint8Array): boolean {
	for (let i = frame.length - 2; i > 1; i--) if (frame[i] === 0xff && frame[i + 1] === 0xd9) return true;
	return false;
}

/** Native pixel data must hold exactly the frames the header describes, and at most zero padding. */
export function checkNativeLength(ds: DicomDataSet, frames: number, frameBytes: number): void {
	const el = ds.elements.x7fe00010!;
	if (el.encapsulatedPixelData || el.hadUndefinedLength) {
		const first = el.fragments?.[0];
		const bytes = first ? ds.byteArray.subarray(first.position, first.position + first.length) : new Uint8Array();
		throw new PixelDataMismatchError(
			`The file is labelled with an uncompressed transfer syntax but its pixel data is compressed ` +
				`(${describeStream(bytes)}): the transfer syntax was relabelled.`,
		);
	}
	const expected = frames * frameBytes;
	// Zeros after the last frame are padding some writers add; other bytes are pixels of another size.
	const tail = ds.byteArray.subarray(el.dataOffset + expected, el.dataOffset + el.length);
	if (el.length > expected + (expected % 2) && tail.some((v) => v !== 0))
		throw new PixelDataMismatchError(
			`The pixel data holds ${el.length} bytes but Rows × Columns × Samples × Bits Allocated × Number of ` +
				`Frames make ${expected}: the image size or frame count in the header is wrong.`,
		);
}

/** Number of Frames must match the offset table, and there must be a fragment for every frame. */
export function checkFrameCount(ds: DicomDataSet, frames: number): void {
	const el = ds.elements.x7fe00010!;
	const fragments = el.fragments?.length ?? 0;
	const table = el.basicOffsetTable?.length ?? 0;
	if (table && table !== frames)
		throw new PixelDataMismatchError(
			`Number of Frames is ${frames} but the compressed pixel data's offset table lists ${table}.`,
		);
	if (fragments < frames)
		throw new PixelDataMismatchError(
			`Number of Frames is ${frames} but the compressed pixel data has only ${fragments} fragment(s).`,
		);
}
