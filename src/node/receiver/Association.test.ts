// The receiver's own upper layer against other implementations and odd but valid traffic: storescu with
// small PDUs (a data set in many fragments), dcmjs-dimse as a client, and a P-DATA-TF before any association.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import dimse from 'dcmjs-dimse';
import { makeDicomFixture } from '../../../test/helpers/dicomFixtures.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { InstanceRecord } from '../store/SqliteStudyStore.js';
import { DicomReceiver, type ReceivedImageStore } from './DicomReceiver.js';

const run = promisify(execFile);
dimse.log.setLevel('silent');
const received: Buffer[] = [];
/** Keeps what arrives; the real importer's part is tested in DicomReceiver.test. */
const importer: ReceivedImageStore = {
	admit: (_bytes, origin) => Promise.resolve({ record: {} as InstanceRecord, pixels: null, origin }),
	storeReceived: (batch) => {
		received.push(...batch.map((a) => fs.readFileSync(a.file)));
		return Promise.resolve(
			batch.map((_, i) => ({ studyId: 1, instanceId: received.length + i, duplicate: false })),
		);
	},
};
let receiver: DicomReceiver;
let port: number;
const file = makeDicomFixture(path.join(tempDir('radialog-assoc-'), 'a.dcm'), 'dx16', { rows: 256, cols: 256 });

before(async () => {
	const probe = net.createServer();
	await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
	port = (probe.address() as net.AddressInfo).port;
	await new Promise((r) => probe.close(r));
	receiver = new DicomReceiver(importer, path.join(tempDir('radialog-assoc-spool-'), 'incoming'));
	// 4 KB PDUs: the sender cuts each data set into dozens of P-DATA-TF PDUs.
	await receiver.start({ port, aeTitle: 'RADIALOG', limits: { maxPduBytes: 4096, idleTimeoutMs: 2000 } });
});
after(() => receiver.stop());

/** The data set of a Part 10 file: what follows its group 0002 meta header. */
function dataset(part10: Buffer): Buffer {
	return part10.subarray(144 + part10.readUInt32LE(140));
}

test('a data set sent in dozens of small PDUs arrives byte for byte, wrapped in a Part 10 file', async () => {
	received.length = 0;
	await run('storescu', ['-aec', 'RADIALOG', '-aet', 'CR1', '-xe', '127.0.0.1', String(port), file]);
	await receiver.stored();
	assert.equal(received.length, 1);
	const sent = fs.readFileSync(file);
	assert.ok(dataset(sent).length > 20 * 4096, 'the data set needs many PDUs');
	assert.deepEqual(dataset(received[0]!), dataset(sent));
	assert.match(received[0]!.toString('latin1', 128, 400), /DICM[\s\S]*1\.2\.840\.10008\.1\.2\.1\0?[\s\S]*CR1/);
});

test('dcmjs-dimse as a client: C-ECHO and C-STORE are answered with success', async () => {
	received.length = 0;
	const { Client, requests, constants } = dimse;
	const client = new Client();
	const statuses: number[] = [];
	for (const request of [new requests.CEchoRequest(), new requests.CStoreRequest(file)]) {
		request.on('response', (r: dimse.responses.CEchoResponse) => statuses.push(r.getStatus()));
		client.addRequest(request);
	}
	await new Promise<void>((resolve, reject) => {
		client.on('closed', () => resolve());
		client.on('networkError', (e: Error) => reject(e));
		client.send('127.0.0.1', port, 'PACS1', 'RADIALOG');
	});
	assert.deepEqual(statuses, [constants.Status.Success, constants.Status.Success]);
	await receiver.stored();
	assert.equal(received.length, 1);
});

test('a P-DATA-TF before any association is aborted at once', async () => {
	const socket = net.connect(port, '127.0.0.1');
	const chunks: Buffer[] = [];
	socket.on('data', (d: Buffer) => chunks.push(d));
	socket.on('connect', () => socket.write(Buffer.from([0x04, 0, 0, 0, 0, 6, 0, 0, 0, 2, 1, 3])));
	const started = Date.now();
	await new Promise((r) => socket.on('close', r));
	assert.ok(Date.now() - started < 1500, 'not left to the idle timeout');
	assert.deepEqual([...Buffer.concat(chunks)], [0x07, 0, 0, 0, 0, 4, 0, 0, 2, 2], 'A-ABORT: unexpected PDU');
});

test('the fault campaign abuses at once: each peer is closed within the idle timeout, echo still works', async () => {
	const abuses = [
		Buffer.concat([Buffer.from([0x01, 0, 0xff, 0xff, 0xff, 0xf0]), Buffer.alloc(65536, 0x41)]),
		Buffer.from([0x04, 0, 0, 0, 0, 0x10, 1, 2, 3]),
		Buffer.alloc(300, 0xff),
		Buffer.from([0x01, 0, 0, 0, 0x00, 0x04, 0, 1, 0, 0]),
		Buffer.from([0x01, 0, 0, 0, 0x00, 0x48, ...Buffer.alloc(0x44), 0x20, 0, 0, 9]),
		Buffer.alloc(0),
	];
	const started = Date.now();
	const closed = abuses.map(
		(bytes) =>
			new Promise<number>((resolve) => {
				const s = net.connect(port, '127.0.0.1', () => s.write(bytes));
				s.on('error', () => undefined);
				// Reads what comes back, as a peer does: a socket never read never sees the receiver close it.
				s.resume();
				s.on('close', () => resolve(Date.now() - started));
			}),
	);
	const times = await Promise.all(closed);
	assert.ok(Math.max(...times) < 4000, `closed after ${times.join(', ')} ms`);
	await run('echoscu', ['-to', '5', '-aec', 'RADIALOG', '127.0.0.1', String(port)]);
});
