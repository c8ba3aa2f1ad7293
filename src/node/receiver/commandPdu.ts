/** Group 0000 elements a response may carry: tag element, and whether the value is a US. */
const commandElements: Record<string, readonly [number, 'US' | 'UI' | 'LO']> = {
	AffectedSOPClassUID: [0x0002, 'UI'],
	CommandField: [0x0100, 'US'],
	MessageIDBeingRespondedTo: [0x0120, 'US'],
	CommandDataSetType: [0x0800, 'US'],
	Status: [0x0900, 'US'],
	ErrorComment: [0x0902, 'LO'],
	AffectedSOPInstanceUID: [0x1000, 'UI'],
};

/**
 * A P-DATA-TF PDU holding one command set with no data set (a C-STORE or C-ECHO response), encoded
 * implicit VR little endian as PS3.7 requires, straight from the few elements a response has: a general
 * DICOM writer costs more than storing the image. Null when the command holds an element this encoder does
 * not know (the receiver's own answers never do).
 */
export function commandPdu(elements: Record<string, unknown>, presentationContextId: number): Buffer | null {
	const parts: { element: number; value: Buffer }[] = [];
	for (const [name, value] of Object.entries(elements)) {
		if (value === undefined) continue;
		const known = commandElements[name];
		if (!known) return null;
		const [element, vr] = known;
		if (vr === 'US') {
			if (typeof value !== 'number') return null;
			const b = Buffer.alloc(2);
			b.writeUInt16LE(value);
			parts.push({ element, value: b });
		} else {
			if (typeof value !== 'string') return null;
			const b = Buffer.from(value, 'latin1');
			parts.push({
				element,
				value: b.length % 2 ? Buffer.concat([b, Buffer.from(vr === 'UI' ? '\0' : ' ')]) : b,
			});
		}
	}
	parts.sort((a, b) => a.element - b.element);
	const body = parts.reduce((n, p) => n + 8 + p.value.length, 0);
	const command = 12 + body; // with the group length element
	const pdu = Buffer.alloc(6 + 6 + command);
	pdu.writeUInt8(0x04, 0); // P-DATA-TF
	pdu.writeUInt32BE(6 + command, 2);
	pdu.writeUInt32BE(2 + command, 6); // PDV item length
	pdu.writeUInt8(presentationContextId, 10);
	pdu.writeUInt8(0x03, 11); // a command, and its last fragment
	let at = 12;
	const put = (element: number, value: Buffer) => {
		pdu.writeUInt16LE(0x0000, at);
		pdu.writeUInt16LE(element, at + 2);
		pdu.writeUInt32LE(value.length, at + 4);
		value.copy(pdu, at + 8);
		at += 8 + value.length;
	};
	const length = Buffer.alloc(4);
	length.writeUInt32LE(body);
	put(0x0000, length);
	for (const p of parts) put(p.element, p.value);
	return pdu;
}
