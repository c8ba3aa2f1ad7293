import { MalformedPduError } from './MalformedPduError.js';

/**
 * The advertised maximum binds P-DATA-TF only (PS3.8 D.1); an A-ASSOCIATE-RQ proposing every storage class
 * takes some 10 KB, so other PDUs may reach this even under a small maximum.
 */
const otherPduBytes = 65_536;

/**
 * Cuts a DICOM upper-layer byte stream into PDUs. Each header (type, reserved, 32-bit length) is checked as
 * soon as its 6 bytes are in: a PDU longer than the limit throws before its body is buffered, since a header
 * may claim 4 GB. A body that lies within one socket chunk is handed on without copying.
 */
export class PduReader {
	private chunks: Buffer[] = [];
	private buffered = 0;
	/** The body length of the PDU being read, once its header is in. */
	private bodyLength = -1;
	private type = 0;

	constructor(
		private readonly maxPduBytes: number,
		private readonly onPdu: (type: number, body: Buffer) => void,
	) {}

	push(chunk: Buffer): void {
		this.chunks.push(chunk);
		this.buffered += chunk.length;
		for (;;) {
			if (this.bodyLength < 0) {
				if (this.buffered < 6) return;
				const header = this.take(6);
				this.type = header.readUInt8(0);
				this.bodyLength = header.readUInt32BE(2);
				const limit = this.type === 0x04 ? this.maxPduBytes : Math.max(this.maxPduBytes, otherPduBytes);
				if (this.bodyLength > limit)
					throw new MalformedPduError(`A PDU of ${this.bodyLength} bytes; at most ${limit}.`);
			}
			if (this.buffered < this.bodyLength) return;
			const body = this.take(this.bodyLength);
			this.bodyLength = -1;
			this.onPdu(this.type, body);
		}
	}

	/** The next n buffered bytes; a slice of the first chunk when it holds them all. */
	private take(n: number): Buffer {
		if (n === 0) return Buffer.alloc(0);
		const first = this.chunks[0]!;
		this.buffered -= n;
		if (first.length >= n) {
			if (first.length === n) this.chunks.shift();
			else this.chunks[0] = first.subarray(n);
			return first.subarray(0, n);
		}
		const out = Buffer.allocUnsafe(n);
		let at = 0;
		while (at < n) {
			const c = this.chunks[0]!;
			const part = Math.min(c.length, n - at);
			c.copy(out, at, 0, part);
			at += part;
			if (part === c.length) this.chunks.shift();
			else this.chunks[0] = c.subarray(part);
		}
		return out;
	}
}
