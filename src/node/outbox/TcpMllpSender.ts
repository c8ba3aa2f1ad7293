import net from 'node:net';
import { DestinationUnreachableError } from './OutboxErrors.js';
import type { MllpSender } from './OutboxDependencies.js';

const startBlock = 0x0b;
const endBlock = Buffer.from([0x1c, 0x0d]);

/**
 * HL7's Minimal Lower Layer Protocol over TCP: the message framed as 0x0B … 0x1C 0x0D, one connection per
 * message, the answer read until its own end block. No answer within `timeoutMs` is unreachable.
 */
export class TcpMllpSender implements MllpSender {
	constructor(private readonly timeoutMs = 30_000) {}

	send(to: { host: string; port: number }, message: string, stop?: AbortSignal): Promise<string> {
		const where = `${to.host}:${to.port}`;
		return new Promise((resolve, reject) => {
			const socket = net.connect({ host: to.host, port: to.port });
			let answer = Buffer.alloc(0);
			let settled = false;
			const finish = (error: Error | null, ack?: string) => {
				if (settled) return;
				settled = true;
				socket.destroy();
				if (error) reject(error);
				else resolve(ack!);
			};
			const stopped = () =>
				finish(new DestinationUnreachableError(`The send to the RIS at ${where} was stopped.`));
			if (stop?.aborted) stopped();
			stop?.addEventListener('abort', stopped, { once: true });
			socket.once('close', () => stop?.removeEventListener('abort', stopped));
			socket.setTimeout(this.timeoutMs, () =>
				finish(new DestinationUnreachableError(`The RIS at ${where} sent no acknowledgement in time.`)),
			);
			socket.on('connect', () =>
				socket.write(Buffer.concat([Buffer.from([startBlock]), Buffer.from(message, 'utf8'), endBlock])),
			);
			socket.on('data', (chunk: Buffer) => {
				answer = Buffer.concat([answer, chunk]);
				const end = answer.indexOf(endBlock);
				if (end < 0) return;
				const start = answer.indexOf(startBlock);
				finish(null, answer.subarray(start < 0 ? 0 : start + 1, end).toString('utf8'));
			});
			socket.on('error', (e: NodeJS.ErrnoException) =>
				finish(new DestinationUnreachableError(`The RIS at ${where} did not answer (${e.code ?? e.message}).`)),
			);
			socket.on('close', () =>
				finish(new DestinationUnreachableError(`The RIS at ${where} closed the connection without an answer.`)),
			);
		});
	}
}
