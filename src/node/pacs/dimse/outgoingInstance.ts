import dimse from 'dcmjs-dimse';
import { parseDicomBytes } from '../../dicom/parseDicomBytes.js';

export interface OutgoingInstance {
	readonly sopClassUid: string;
	readonly sopInstanceUid: string;
	readonly transferSyntaxUid: string;
	/** The C-STORE data set: the Part 10 file without preamble and meta header, bytes unchanged. */
	readonly request: dimse.requests.CStoreRequest;
}

/** A data set that sends its bytes as read, where the library would re-encode its parsed elements. */
class VerbatimDataset extends dimse.Dataset {
	constructor(
		private readonly bytes: Buffer,
		elements: Record<string, unknown>,
		transferSyntaxUid: string,
	) {
		super(elements, transferSyntaxUid);
	}

	override getDenaturalizedDataset(): Buffer {
		return this.bytes;
	}
}

/** A Part 10 file (a report SR) as a C-STORE request that sends it byte for byte. */
export function outgoingInstance(file: Uint8Array): OutgoingInstance {
	const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
	const ds = parseDicomBytes(bytes, { untilTag: 'x00080018' });
	let metaEnd = 132;
	for (const [tag, element] of Object.entries(ds.elements)) {
		if (tag.startsWith('x0002')) metaEnd = Math.max(metaEnd, element.dataOffset + element.length);
	}
	const sopClassUid = ds.string('x00020002') ?? '';
	const sopInstanceUid = ds.string('x00020003') ?? '';
	const transferSyntaxUid = ds.string('x00020010') ?? '1.2.840.10008.1.2.1';
	const dataset = new VerbatimDataset(
		bytes.subarray(metaEnd),
		{ SOPClassUID: sopClassUid, SOPInstanceUID: sopInstanceUid },
		transferSyntaxUid,
	);
	return { sopClassUid, sopInstanceUid, transferSyntaxUid, request: new dimse.requests.CStoreRequest(dataset) };
}
