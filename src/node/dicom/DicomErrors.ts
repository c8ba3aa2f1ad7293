/** Why a file could not be read as a DICOM image; the message is shown to the user per file. */
export class DicomReadError extends Error {
	override readonly name: string = 'DicomReadError';
	constructor(
		readonly code:
			| 'not_dicom'
			| 'truncated'
			| 'no_pixel_data'
			| 'unsupported_syntax'
			| 'bad_dimensions'
			| 'bad_frame'
			| 'decode_failed'
			| 'pixel_mismatch',
		message: string,
	) {
		super(message);
	}
}
