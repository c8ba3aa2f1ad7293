// A RIS stand-in for tests: a real TCP listener speaking MLLP, reading each message with python-hl7.
import { execFileSync } from 'node:child_process';
import net from 'node:net';

export interface Received {
	type: string;
	controlId: string;
	patientId: string;
	obx: string[];
}

const parse = `
import hl7, json, sys
m = hl7.parse(sys.stdin.read())
print(json.dumps({
  'type': str(m.segment('MSH')[9]), 'controlId': str(m.segment('MSH')[10]), 'patientId': str(m['PID.F3']),
  'obx': [str(s[5]) for s in m.segments('OBX')],
}))`;

/** An HL7 listener as a RIS runs one: MLLP frames in, an ACK (AA, AE, or none) out for each. */
export class RisListener {
	readonly received: Received[] = [];
	answer: { code: 'AA' | 'AE' | 'AR'; text: string } | 'silent' = { code: 'AA', text: '' };
	private server: net.Server | null = null;
	port = 0;

	async start(port = 0): Promise<void> {
		const server = net.createServer((socket) => {
			let buffer = Buffer.alloc(0);
			socket.on('data', (chunk: Buffer) => {
				buffer = Buffer.concat([buffer, chunk]);
				const end = buffer.indexOf(Buffer.from([0x1c, 0x0d]));
				if (buffer[0] !== 0x0b || end < 0) return;
				const message = buffer.subarray(1, end).toString('utf8');
				buffer = buffer.subarray(end + 2);
				const got = JSON.parse(
					execFileSync('/usr/bin/python3', ['-c', parse], { input: message, encoding: 'utf8' }),
				) as Received;
				this.received.push(got);
				if (this.answer === 'silent') return;
				const ack = [
					`MSH|^~\\&|RIS|HOSP|RADIALOG|RAD|20261130120000||ACK^R01^ACK|A${this.received.length}|P|2.5.1`,
					`MSA|${this.answer.code}|${got.controlId}|${this.answer.text}`,
				].join('\r');
				socket.write(Buffer.concat([Buffer.from([0x0b]), Buffer.from(ack + '\r'), Buffer.from([0x1c, 0x0d])]));
			});
			socket.on('error', () => undefined);
		});
		await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
		this.server = server;
		this.port = (server.address() as net.AddressInfo).port;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = null;
		if (server) await new Promise((resolve) => server.close(resolve));
	}
}
