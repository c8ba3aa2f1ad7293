/** How the pixel data of each supported transfer syntax is stored, so the decoder can pick a codec. */
export type PixelEncoding =
	'native' | 'native-big-endian' | 'jpeg-baseline' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg-2000' | 'rle';

export interface TransferSyntax {
	readonly uid: string;
	readonly name: string;
	readonly encoding: PixelEncoding;
}

const table: readonly TransferSyntax[] = [
	{ uid: '1.2.840.10008.1.2', name: 'Implicit VR Little Endian', encoding: 'native' },
	{ uid: '1.2.840.10008.1.2.1', name: 'Explicit VR Little Endian', encoding: 'native' },
	{ uid: '1.2.840.10008.1.2.1.99', name: 'Deflated Explicit VR Little Endian', encoding: 'native' },
	{ uid: '1.2.840.10008.1.2.2', name: 'Explicit VR Big Endian', encoding: 'native-big-endian' },
	{ uid: '1.2.840.10008.1.2.4.50', name: 'JPEG Baseline (Process 1)', encoding: 'jpeg-baseline' },
	{ uid: '1.2.840.10008.1.2.4.51', name: 'JPEG Extended (Process 2 & 4)', encoding: 'jpeg-baseline' },
	{ uid: '1.2.840.10008.1.2.4.57', name: 'JPEG Lossless (Process 14)', encoding: 'jpeg-lossless' },
	{ uid: '1.2.840.10008.1.2.4.70', name: 'JPEG Lossless SV1', encoding: 'jpeg-lossless' },
	{ uid: '1.2.840.10008.1.2.4.80', name: 'JPEG-LS Lossless', encoding: 'jpeg-ls' },
	{ uid: '1.2.840.10008.1.2.4.81', name: 'JPEG-LS Near-Lossless', encoding: 'jpeg-ls' },
	{ uid: '1.2.840.10008.1.2.4.90', name: 'JPEG 2000 Lossless', encoding: 'jpeg-2000' },
	{ uid: '1.2.840.10008.1.2.4.91', name: 'JPEG 2000', encoding: 'jpeg-2000' },
	{ uid: '1.2.840.10008.1.2.5', name: 'RLE Lossless', encoding: 'rle' },
];

const byUid = new Map(table.map((t) => [t.uid, t]));

export const supportedTransferSyntaxUids: readonly string[] = table.map((t) => t.uid);

export function transferSyntaxOf(uid: string): TransferSyntax | undefined {
	return byUid.get(uid);
}
