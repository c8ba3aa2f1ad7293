import dicomParser from 'dicom-parser';
import { DicomReadError } from './DicomErrors.js';
import type { DicomDataSet } from './parseDicomBytes.js';

/**
 * The still-encoded bytes of one frame of an encapsulated (compressed) Pixel Data element. Handles the
 * three layouts seen in the wild: a basic offset table, one fragment per frame without a table, and a
 * single frame split over several fragments.
 */
export function encapsulatedFrameBytes(ds: DicomDataSet, frame: number, frames: number, isJpeg: boolean): Uint8Array {
	const el = ds.elements.x7fe00010!;
	const fragments = el.fragments ?? [];
	if (!fragments.length) throw new DicomReadError('no_pixel_data', 'The compressed pixel data has no fragments.');
	try {
		if (el.basicOffsetTable?.length) return dicomParser.readEncapsulatedImageFrame(ds, el, frame);
		if (frames === 1) return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, fragments.length);
		if (fragments.length === frames) return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, frame, 1);
		if (isJpeg)
			return dicomParser.readEncapsulatedImageFrame(
				ds,
				el,
				frame,
				dicomParser.createJPEGBasicOffsetTable(ds, el),
			);
	} catch (err) {
		throw new DicomReadError(
			'bad_frame',
			`Frame ${frame + 1} could not be read from the compressed pixel data ` +
				`(${String((err as Error)?.message ?? err)}).`,
		);
	}
	throw new DicomReadError(
		'bad_frame',
		`Cannot tell which of ${fragments.length} fragments belong to frame ${frame + 1} of ${frames} ` +
			'(no offset table).',
	);
}

/** The bytes of one frame of native (uncompressed) pixel data, checked against the element's length. */
export function nativeFrameBytes(ds: DicomDataSet, frame: number, frameBytes: number): Uint8Array {
	const el = ds.elements.x7fe00010!;
	const start = el.dataOffset + frame * frameBytes;
	const available = Math.min(el.length, ds.byteArray.length - el.dataOffset);
	if ((frame + 1) * frameBytes > available) {
		throw new DicomReadError(
			available < el.length ? 'truncated' : 'bad_dimensions',
			`The pixel data holds ${available} bytes, too few for frame ${frame + 1} of ${frameBytes} bytes ` +
				'(rows × columns × samples × bits say otherwise: the file is truncated or its dimensions are wrong).',
		);
	}
	return ds.byteArray.subarray(start, start + frameBytes);
}
