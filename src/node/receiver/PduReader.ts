import { MalformedPduError } from './MalformedPduError.js';

/**
 * The advertised maximum binds P-DATA-TF only (PS3.8 D.1); an A-ASSOCIATE-RQ proposing every storage class
 * takes some 10 KB, so other PDUs may reach this even under a small maximum.
 */
const otherPduBytes = 65_536;

/**
 * Cuts a DICOM upper-layer byte stream into PDUs. Each header (type, reserved, 32-bit length) is checked as
 * soon as its 6 bytes are in: a PDU longer than the limit throws before its body is buffered, since a header
 * may claim 4 GB. What arrives is copied into one buffer that is reused from PDU to PDU (the socket reads
 * into a buffer of its own that it reuses too), so **a body is valid only during `onPdu`**: what is kept is
 * copied. A fresh buffer for every read or PDU cost a page fault every 4 KiB, more than the copy.
 */
export class PduReader {
	private buffer = Buffer.alloc(0);
	/** Bytes received and not yet handed on: buffer[start, end). */
	private start = 0;
	private end = 0;

	constructor(
		private readonly maxPduBytes: number,
		private readonly onPdu: (type: number, body: Buffer) => void,
	) {}

	/** Takes a copy of the chunk: the caller may reuse its memory once this returns. */
	push(chunk: Buffer): void {
		this.append(chunk);
		while (this.end - this.start >= 6) {
			const at = this.start;
			const type = this.buffer.readUInt8(at);
			const bodyLength = this.buffer.readUInt32BE(at + 2);
			const limit = type === 0x04 ? this.maxPduBytes : Math.max(this.maxPduBytes, otherPduBytes);
			if (bodyLength > limit) throw new MalformedPduError(`A PDU of ${bodyLength} bytes; at most ${limit}.`);
			if (this.end - at - 6 < bodyLength) break;
			this.start = at + 6 + bodyLength;
			this.onPdu(type, this.buffer.subarray(at + 6, this.start));
		}
		if (this.start === this.end) this.start = this.end = 0;
	}

	private append(chunk: Buffer): void {
		if (this.end + chunk.length > this.buffer.length) {
			const waiting = this.end - this.start;
			if (waiting + chunk.length <= this.buffer.length) this.buffer.copyWithin(0, this.start, this.end);
			else {
				const larger = Buffer.allocUnsafeSlow(Math.max(waiting + chunk.length, 2 * this.buffer.length, 65_536));
				this.buffer.copy(larger, 0, this.start, this.end);
				this.buffer = larger;
			}
			this.start = 0;
			this.end = waiting;
		}
		chunk.copy(this.buffer, this.end);
		this.end += chunk.length;
	}
}
