import type { AssociateRequest } from './readAssociateRequest.js';

/** The answer to one proposed presentation context: 0 accepted, 3 abstract or 4 transfer syntax refused. */
export interface ContextResult {
	readonly id: number;
	readonly result: 0 | 3 | 4;
	readonly transferSyntax: string;
}

const applicationContext = '1.2.840.10008.3.1.1.1';
/** The same implementation as in the Part 10 meta of received files. */
const implementationClassUid = '1.2.826.0.1.3680043.10.1373.1';
const implementationVersion = 'RADIALOG_0_1';

/** The PDUs an acceptor sends other than P-DATA-TF (PS3.8 9.3), encoded in one allocation each. */
export const PduWriter = {
	associateAccept(request: AssociateRequest, results: readonly ContextResult[], maxPduBytes: number): Buffer {
		const fixed = Buffer.alloc(68);
		fixed.writeUInt16BE(1, 0); // protocol version
		request.titles.copy(fixed, 4);
		const maxLength = Buffer.alloc(4);
		maxLength.writeUInt32BE(maxPduBytes);
		const userInfo = Buffer.concat([
			item(0x51, maxLength),
			item(0x52, ascii(implementationClassUid)),
			item(0x55, ascii(implementationVersion)),
		]);
		const contexts = results.map((r) =>
			item(0x21, Buffer.concat([Buffer.from([r.id, 0, r.result, 0]), item(0x40, ascii(r.transferSyntax))])),
		);
		return pdu(
			0x02,
			Buffer.concat([fixed, item(0x10, ascii(applicationContext)), ...contexts, item(0x50, userInfo)]),
		);
	},

	/** result 1 permanent, 2 transient; source and reason as PS3.8 table 9-21 numbers them. */
	associateReject(result: 1 | 2, source: 1 | 2 | 3, reason: number): Buffer {
		return pdu(0x03, Buffer.from([0, result, source, reason]));
	},

	releaseResponse(): Buffer {
		return pdu(0x06, Buffer.alloc(4));
	},

	/** Source 2: the service provider, that is this receiver, found the fault. */
	abort(reason: number): Buffer {
		return pdu(0x07, Buffer.from([0, 0, 2, reason]));
	},
};

const ascii = (s: string) => Buffer.from(s, 'latin1');

function item(type: number, value: Buffer): Buffer {
	const head = Buffer.from([type, 0, 0, 0]);
	head.writeUInt16BE(value.length, 2);
	return Buffer.concat([head, value]);
}

function pdu(type: number, body: Buffer): Buffer {
	const head = Buffer.from([type, 0, 0, 0, 0, 0]);
	head.writeUInt32BE(body.length, 2);
	return Buffer.concat([head, body]);
}
