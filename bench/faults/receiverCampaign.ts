import { execFile } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import type { CampaignServer } from './servedForCampaign.js';

const run = promisify(execFile);

export interface ReceiverFigures {
	abuses: number;
	echoesAnswered: number;
	echoesFailed: number;
	storeAfterwards: boolean;
	serverExits: number;
}

/** A raw peer: writes, optionally closes at once, resolves when the receiver closed the connection. */
function peer(port: number, bytes: Buffer, o: { end?: boolean; destroy?: boolean }): Promise<void> {
	return new Promise((resolve) => {
		const s = net.connect(port, '127.0.0.1');
		s.on('error', () => resolve());
		s.on('close', () => resolve());
		s.on('connect', () => {
			s.write(bytes);
			if (o.destroy) s.destroy();
			else if (o.end) s.end();
		});
		// An idle peer is left to the receiver's idle timeout; the campaign does not wait past this.
		setTimeout(() => {
			s.destroy();
			resolve();
		}, 15_000);
	});
}

/** Oversize PDUs, aborts mid-PDU, garbage and idle peers; after each round dcmtk's echoscu must be answered. */
export async function receiverCampaign(
	server: CampaignServer,
	sample: string,
	rounds: number,
): Promise<ReceiverFigures> {
	const port = server.receiverPort;
	const f: ReceiverFigures = {
		abuses: 0,
		echoesAnswered: 0,
		echoesFailed: 0,
		storeAfterwards: false,
		serverExits: 0,
	};
	const echo = () =>
		run('echoscu', ['-to', '10', '-aec', 'RADIALOG', '127.0.0.1', String(port)]).then(
			() => f.echoesAnswered++,
			() => f.echoesFailed++,
		);
	const abuses: [Buffer, { end?: boolean; destroy?: boolean }][] = [
		[Buffer.concat([Buffer.from([0x01, 0, 0xff, 0xff, 0xff, 0xf0]), Buffer.alloc(65536, 0x41)]), {}],
		[Buffer.from([0x01, 0, 0, 0, 0x01, 0x00, 0x00]), { destroy: true }],
		[Buffer.from([0x04, 0, 0, 0, 0, 0x10, 1, 2, 3]), { end: true }],
		[Buffer.alloc(300, 0xff), {}],
		[Buffer.from([0x01, 0, 0, 0, 0x00, 0x04, 0, 1, 0, 0]), {}],
		[Buffer.alloc(0), {}],
	];
	for (let r = 0; r < rounds; r++) {
		await Promise.all(abuses.map(([bytes, o]) => peer(port, bytes, o)));
		f.abuses += abuses.length;
		if (!server.alive()) {
			f.serverExits++;
			return f;
		}
		await echo();
	}
	try {
		await run('storescu', ['-to', '20', '-aec', 'RADIALOG', '127.0.0.1', String(port), sample]);
		f.storeAfterwards = true;
	} catch {
		f.storeAfterwards = false;
	}
	return f;
}
