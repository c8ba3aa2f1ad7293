/** What the meta header of a received data set says: its command's UIDs, the syntax and who sent it. */
export interface Part10Meta {
	readonly sopClassUid: string;
	readonly sopInstanceUid: string;
	readonly transferSyntaxUid: string;
	readonly sourceAeTitle: string;
}

/**
 * Wraps a data set received over the network (no file meta) into a DICOM Part 10 file: preamble, "DICM",
 * and the group 0002 meta header. The data set bytes stay exactly as the sender encoded them; they come as
 * the fragments they arrived in, so they are copied once, into the file.
 */
export function part10File(dataset: readonly Uint8Array[], meta: Part10Meta): Buffer {
	return Buffer.concat([part10Header(meta), ...dataset]);
}

/** The start of a Part 10 file up to its data set: what a receiver writes before the data set's fragments. */
export function part10Header(meta: Part10Meta): Buffer {
	const el = (group: number, element: number, vr: string, value: Buffer): Buffer => {
		const long = vr === 'OB' || vr === 'UN';
		const head = Buffer.alloc(long ? 12 : 8);
		head.writeUInt16LE(group, 0);
		head.writeUInt16LE(element, 2);
		head.write(vr, 4, 'latin1');
		if (long) head.writeUInt32LE(value.length, 8);
		else head.writeUInt16LE(value.length, 6);
		return Buffer.concat([head, value]);
	};
	const uid = (s: string) => {
		const b = Buffer.from(s, 'latin1');
		return b.length % 2 ? Buffer.concat([b, Buffer.from([0])]) : b;
	};
	const text = (s: string) => {
		const b = Buffer.from(s, 'latin1');
		return b.length % 2 ? Buffer.concat([b, Buffer.from(' ')]) : b;
	};
	const body = Buffer.concat([
		el(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
		el(0x0002, 0x0002, 'UI', uid(meta.sopClassUid)),
		el(0x0002, 0x0003, 'UI', uid(meta.sopInstanceUid)),
		el(0x0002, 0x0010, 'UI', uid(meta.transferSyntaxUid)),
		el(0x0002, 0x0012, 'UI', uid('1.2.826.0.1.3680043.10.1373.1')),
		el(0x0002, 0x0013, 'SH', text('RADIALOG_0_1')),
		...(meta.sourceAeTitle ? [el(0x0002, 0x0016, 'AE', text(meta.sourceAeTitle))] : []),
	]);
	const groupLength = Buffer.alloc(4);
	groupLength.writeUInt32LE(body.length, 0);
	const preamble = Buffer.alloc(128);
	return Buffer.concat([preamble, Buffer.from('DICM', 'latin1'), el(0x0002, 0x0000, 'UL', groupLength), body]);
}
