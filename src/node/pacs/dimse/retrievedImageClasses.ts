import { supportedTransferSyntaxUids } from '../../dicom/transferSyntaxes.js';

/**
 * The storage SOP classes a chest X-ray study arrives as: CR, DX for presentation and for processing,
 * and Secondary Capture (scanned films, some portable units). C-GET brings only what was negotiated.
 */
export const retrievedImageClasses: readonly string[] = [
	'1.2.840.10008.5.1.4.1.1.1',
	'1.2.840.10008.5.1.4.1.1.1.1',
	'1.2.840.10008.5.1.4.1.1.1.1.1',
	'1.2.840.10008.5.1.4.1.1.7',
];

const explicitLittle = '1.2.840.10008.1.2.1';
const implicitLittle = '1.2.840.10008.1.2';

/**
 * What we accept them in: every syntax the importer decodes, uncompressed explicit first, so the PACS
 * sends what it stores without transcoding where it can. Deflate is left out (no PACS needs it for these).
 */
export const retrievedTransferSyntaxes: readonly string[] = [
	explicitLittle,
	implicitLittle,
	...supportedTransferSyntaxUids.filter(
		(uid) => uid !== explicitLittle && uid !== implicitLittle && uid !== '1.2.840.10008.1.2.1.99',
	),
];
