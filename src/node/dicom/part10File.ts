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
	// Written into one buffer: a receiver builds one per image, and a small buffer per element cost more.
	const elements: [number, string, string, number][] = [
		[0x0001, 'OB', '\0\x01', 0],
		[0x0002, 'UI', meta.sopClassUid, 0],
		[0x0003, 'UI', meta.sopInstanceUid, 0],
		[0x0010, 'UI', meta.transferSyntaxUid, 0],
		[0x0012, 'UI', '1.2.826.0.1.3680043.10.1373.1', 0],
		[0x0013, 'SH', 'RADIALOG_0_1', 0x20],
		...(meta.sourceAeTitle ? [[0x0016, 'AE', meta.sourceAeTitle, 0x20] as [number, string, string, number]] : []),
	];
	// UIDs pad with a NUL, text with a space, to an even length (PS3.5 6.2).
	const padded = elements.map(([, , v]) => Buffer.byteLength(v, 'latin1') + (Buffer.byteLength(v, 'latin1') % 2));
	const sizeOf = (vr: string, length: number) => (vr === 'OB' ? 12 : 8) + length;
	const body = elements.reduce((n, [, vr], i) => n + sizeOf(vr, padded[i]!), 0);
	const out = Buffer.alloc(128 + 4 + 12 + body);
	out.write('DICM', 128, 'latin1');
	let at = 132;
	const head = (element: number, vr: string, length: number) => {
		out.writeUInt16LE(0x0002, at);
		out.writeUInt16LE(element, at + 2);
		out.write(vr, at + 4, 'latin1');
		if (vr === 'OB') out.writeUInt32LE(length, at + 8);
		else out.writeUInt16LE(length, at + 6);
		at += vr === 'OB' ? 12 : 8;
	};
	head(0x0000, 'UL', 4);
	out.writeUInt32LE(body, at);
	at += 4;
	elements.forEach(([element, vr, value, pad], i) => {
		head(element, vr, padded[i]!);
		const n = out.write(value, at, 'latin1');
		if (n < padded[i]!) out[at + n] = pad;
		at += padded[i]!;
	});
	return out;
}
