import { MalformedPduError } from './MalformedPduError.js';

/** The fields of a DIMSE request's command set (PS3.7 9.1, 9.3) that C-STORE and C-ECHO need. */
export interface DimseCommand {
	/** (0000,0100): 0x0001 C-STORE-RQ, 0x0030 C-ECHO-RQ, ... */
	readonly commandField: number;
	readonly messageId: number;
	readonly sopClassUid: string;
	readonly sopInstanceUid: string;
	/** (0000,0800) other than 0x0101: a data set follows the command. */
	readonly hasDataset: boolean;
}

/** Reads a command set, always implicit VR little endian (PS3.7 6.3.1). */
export function readCommand(b: Buffer): DimseCommand {
	const c = { commandField: -1, messageId: 0, sopClassUid: '', sopInstanceUid: '', hasDataset: false };
	let at = 0;
	while (at + 8 <= b.length) {
		const group = b.readUInt16LE(at);
		const element = b.readUInt16LE(at + 2);
		const length = b.readUInt32LE(at + 4);
		const value = b.subarray(at + 8, at + 8 + length);
		if (group !== 0 || value.length !== length) throw new MalformedPduError('A DIMSE command set cannot be read.');
		const text = () => value.toString('latin1').replace(/[\0 ]+$/, '');
		const us = () => (length >= 2 ? value.readUInt16LE(0) : -1);
		if (element === 0x0002) c.sopClassUid = text();
		else if (element === 0x0100) c.commandField = us();
		else if (element === 0x0110) c.messageId = us();
		else if (element === 0x0800) c.hasDataset = us() !== 0x0101;
		else if (element === 0x1000) c.sopInstanceUid = text();
		at += 8 + length;
	}
	if (c.commandField < 0) throw new MalformedPduError('A DIMSE command set without a Command Field.');
	return c;
}
