import { MalformedPduError } from './MalformedPduError.js';

/** What an A-ASSOCIATE-RQ asks for (PS3.8 9.3.2), as far as a storage SCP needs it. */
export interface AssociateRequest {
	readonly calledAeTitle: string;
	readonly callingAeTitle: string;
	/** The 16 bytes of each title as sent: the accept repeats them. */
	readonly titles: Buffer;
	readonly applicationContext: string;
	readonly contexts: readonly { id: number; abstractSyntax: string; transferSyntaxes: string[] }[];
	/** The largest P-DATA-TF the peer takes; 0 means no limit. */
	readonly peerMaxPduBytes: number;
}

const uid = (b: Buffer) => b.toString('latin1').replace(/[\0 ]+$/, '');
const title = (b: Buffer) => b.toString('latin1').trim();

/** Reads the body of an A-ASSOCIATE-RQ PDU; a truncated or inconsistent one is a MalformedPduError. */
export function readAssociateRequest(body: Buffer): AssociateRequest {
	if (body.length < 68) throw new MalformedPduError(`An A-ASSOCIATE-RQ of ${body.length} bytes.`);
	const request = {
		calledAeTitle: title(body.subarray(4, 20)),
		callingAeTitle: title(body.subarray(20, 36)),
		titles: Buffer.from(body.subarray(4, 36)),
		applicationContext: '',
		contexts: [] as { id: number; abstractSyntax: string; transferSyntaxes: string[] }[],
		peerMaxPduBytes: 0,
	};
	for (const [type, value] of items(body, 68)) {
		if (type === 0x10) request.applicationContext = uid(value);
		else if (type === 0x20) {
			if (value.length < 4) throw new MalformedPduError('A presentation context item of under 4 bytes.');
			const context = { id: value.readUInt8(0), abstractSyntax: '', transferSyntaxes: [] as string[] };
			for (const [subType, sub] of items(value, 4)) {
				if (subType === 0x30) context.abstractSyntax = uid(sub);
				else if (subType === 0x40) context.transferSyntaxes.push(uid(sub));
			}
			request.contexts.push(context);
		} else if (type === 0x50) {
			for (const [subType, sub] of items(value, 0))
				if (subType === 0x51 && sub.length >= 4) request.peerMaxPduBytes = sub.readUInt32BE(0);
		}
	}
	return request;
}

/** The items (type, reserved, 16-bit length, value) from `at` to the end of `b`. */
function* items(b: Buffer, at: number): Generator<[number, Buffer]> {
	while (at < b.length) {
		if (at + 4 > b.length) throw new MalformedPduError('An A-ASSOCIATE-RQ item header is cut short.');
		const length = b.readUInt16BE(at + 2);
		const end = at + 4 + length;
		if (end > b.length) throw new MalformedPduError('An A-ASSOCIATE-RQ item runs past its PDU.');
		yield [b.readUInt8(at), b.subarray(at + 4, end)];
		at = end;
	}
}
