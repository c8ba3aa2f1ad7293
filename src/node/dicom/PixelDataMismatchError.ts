import { DicomReadError } from './DicomErrors.js';

/**
 * The header and the pixel data of one image disagree (size, bit depth, frame count, rescale or the
 * transfer syntax itself), so any picture drawn from them could be wrong. The file is kept; the image is
 * "stored but not displayable" and the message says which attribute disagrees with what.
 */
export class PixelDataMismatchError extends DicomReadError {
	override readonly name = 'PixelDataMismatchError';
	constructor(reason: string) {
		super('pixel_mismatch', reason);
	}
}
