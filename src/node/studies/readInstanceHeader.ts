import { checkDicomImage } from '../dicom/decodeDicom.js';
import { readDicomHeader } from '../dicom/DicomHeader.js';
import { parseDicomBytes } from '../dicom/parseDicomBytes.js';
import { PixelDataMismatchError } from '../dicom/PixelDataMismatchError.js';
import type { InstanceRecord } from '../store/SqliteStudyStore.js';
import { ImportFileRejected } from './ImportFileRejected.js';

/**
 * Parses and checks one file for import: an image (not a DICOMDIR) with its UIDs, whose pixels can be read
 * or are kept to be marked "not displayable". Everything of its record but the file's hash.
 */
export function readInstanceHeader(bytes: Uint8Array): Omit<InstanceRecord, 'fileSha256'> {
	const ds = parseDicomBytes(bytes);
	const header = readDicomHeader(ds);
	if (header.sopClassUid === '1.2.840.10008.1.3.10')
		throw new ImportFileRejected(
			'dicomdir',
			'A DICOMDIR (the index of a CD or folder), not an image; the images it lists are imported from ' +
				'their own files.',
		);
	if (!header.sopInstanceUid) throw new ImportFileRejected('missing_uid', 'The file has no SOP Instance UID.');
	if (!header.studyInstanceUid || !header.seriesInstanceUid)
		throw new ImportFileRejected('missing_uid', 'The file has no Study or Series Instance UID.');
	try {
		checkDicomImage(ds);
	} catch (err) {
		// Kept: the image is stored and marked "not displayable" once its pixels are checked.
		if (!(err instanceof PixelDataMismatchError)) throw err;
	}
	return { ...header, fileSize: bytes.byteLength };
}
