import dicomParser from 'dicom-parser';
import { DicomReadError } from './DicomErrors.js';

export type DicomDataSet = dicomParser.DataSet;

/**
 * Parses a DICOM Part 10 file with dicom-parser. Every failure becomes a DicomReadError with a
 * sentence a user can act on, because parse errors from the library are thrown as bare strings.
 */
export function parseDicomBytes(bytes: Uint8Array, options: { untilTag?: string } = {}): DicomDataSet {
	const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buffer.length < 132 || buffer.toString('latin1', 128, 132) !== 'DICM') {
		throw new DicomReadError('not_dicom', 'Not a DICOM file (no "DICM" marker after the 128-byte preamble).');
	}
	try {
		return dicomParser.parseDicom(buffer, options.untilTag ? { untilTag: options.untilTag } : undefined);
	} catch (err) {
		const message =
			typeof err === 'string'
				? err
				: err instanceof Error
					? err.message
					: String((err as { exception?: unknown })?.exception ?? err);
		if (/past end|overrun|overread|truncat|eof|end of buffer/i.test(message)) {
			throw new DicomReadError(
				'truncated',
				`The file is truncated or damaged (${message.replace(/^dicomParser\.\w+: /, '')}).`,
			);
		}
		throw new DicomReadError(
			'not_dicom',
			`The file could not be parsed as DICOM (${message.replace(/^dicomParser\.\w+: /, '')}).`,
		);
	}
}
