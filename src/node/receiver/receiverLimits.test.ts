// The receiver against broken and hostile peers: a PDU claiming gigabytes, silent peers, aborted
// associations and too many at once. After each, dcmtk's echoscu must still get an answer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { StudyImporter } from '../studies/index.js';
import { DicomReceiver } from './DicomReceiver.js';

const run = promisify(execFile);
let receiver: DicomReceiver;
let port: number;

// C-ECHO and refused peers never reach the importer.
const noImporter = {} as StudyImporter;

before(async () => {
	const probe = net.createServer();
	await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
	port = (probe.address() as net.AddressInfo).port;
	await new Promise((r) => probe.close(r));
	receiver = new DicomReceiver(noImporter, path.join(tempDir('radialog-recv-limits-'), 'incoming'));
	await receiver.start({
		port,
		aeTitle: 'RADIALOG',
		limits: { idleTimeoutMs: 800, maxAssociations: 2, maxPduBytes: 262_144 },
	});
});
after(() => receiver.stop());

const echo = () => run('echoscu', ['-to', '5', '-aec', 'RADIALOG', '127.0.0.1', String(port)]);

/** A raw TCP peer; resolves with what the receiver sent back once it closed the connection. */
function peer(send: (s: net.Socket) => void): { closed: Promise<{ bytes: Buffer; ms: number }>; socket: net.Socket } {
	const socket = net.connect(port, '127.0.0.1');
	const started = Date.now();
	const chunks: Buffer[] = [];
	socket.on('data', (d: Buffer) => chunks.push(d));
	socket.on('error', () => undefined);
	socket.on('connect', () => send(socket));
	const closed = new Promise<{ bytes: Buffer; ms: number }>((resolve) =>
		socket.on('close', () => resolve({ bytes: Buffer.concat(chunks), ms: Date.now() - started })),
	);
	return { closed, socket };
}

test('an A-ASSOCIATE-RQ claiming 4 GB is aborted at its header, not buffered', async () => {
	const header = Buffer.from([0x01, 0, 0xff, 0xff, 0xff, 0xf0]);
	const { closed } = peer((s) => s.write(Buffer.concat([header, Buffer.alloc(64 * 1024, 0x41)])));
	const { bytes, ms } = await closed;
	assert.ok(ms < 2000, `closed after ${ms} ms`);
	assert.equal(bytes[0], 0x07, 'an A-ABORT PDU was sent');
	await echo();
});

test('a silent peer, and one that stops mid-PDU, are dropped after the idle timeout', async () => {
	const silent = peer(() => undefined);
	const halfway = peer((s) => s.write(Buffer.from([0x01, 0, 0, 0, 0x01, 0x00, 0x00])));
	for (const { closed } of [silent, halfway]) {
		const { ms } = await closed;
		assert.ok(ms >= 700 && ms < 4000, `dropped after ${ms} ms`);
	}
	await echo();
});

test('a peer that vanishes mid-association leaves the receiver answering', async () => {
	for (let i = 0; i < 5; i++) {
		const { socket, closed } = peer((s) => s.write(Buffer.from([0x01, 0, 0, 0, 0x00, 0x80, 1, 2, 3])));
		setTimeout(() => socket.destroy(), 50);
		await closed;
	}
	await echo();
});

test('one association over the limit is rejected; once others close, echo works again', async () => {
	const held = [peer(() => undefined), peer(() => undefined)];
	await new Promise((r) => setTimeout(r, 100));
	await assert.rejects(echo(), /Association Rejected|rejected/i);
	held.forEach((p) => p.socket.destroy());
	await Promise.all(held.map((p) => p.closed));
	await echo();
});
