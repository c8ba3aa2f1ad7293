import type { Socket } from 'node:net';

export interface ConnectionLimits {
	readonly maxPduBytes: number;
	readonly idleTimeoutMs: number;
}

/** A-ABORT, source "service provider", reason "invalid PDU parameter value" (PS3.8 9.3.8). */
const abortPdu = Buffer.from([0x07, 0, 0, 0, 0, 4, 0, 0, 2, 6]);

/**
 * Watches a DICOM upper-layer connection before the protocol library sees its bytes: every PDU header
 * (type, reserved, 32-bit length) is read as it streams by, and a PDU longer than the limit aborts the
 * association at once, before anything buffers it (a header may claim 4 GB). A peer silent for the
 * idle time is aborted too. dcmtk's storescp does both.
 */
export function guardConnection(socket: Socket, limits: ConnectionLimits): void {
	let header = Buffer.alloc(0);
	let remaining = 0; // bytes of the current PDU's body still to come
	const abort = () => {
		if (socket.destroyed) return;
		socket.end(abortPdu);
		socket.destroySoon();
		setTimeout(() => socket.destroy(), 1000).unref();
	};
	socket.setTimeout(limits.idleTimeoutMs);
	socket.on('timeout', abort);
	socket.prependListener('data', (chunk: Buffer) => {
		let at = 0;
		while (at < chunk.length && !socket.destroyed) {
			if (remaining > 0) {
				const take = Math.min(remaining, chunk.length - at);
				remaining -= take;
				at += take;
				continue;
			}
			const need = 6 - header.length;
			header = Buffer.concat([header, chunk.subarray(at, at + need)]);
			at += Math.min(need, chunk.length - at);
			if (header.length < 6) return;
			remaining = header.readUInt32BE(2);
			header = Buffer.alloc(0);
			if (remaining > limits.maxPduBytes) return abort();
		}
	});
}
