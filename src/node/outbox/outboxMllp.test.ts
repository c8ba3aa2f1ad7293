// Signed reports go to the RIS as HL7 ORU^R01 over MLLP, to a real TCP listener in the test that answers
// with ACKs; every message it receives is read by python-hl7, a parser this project did not write.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultHl7Settings } from '../../common/api/appContract.js';
import { openOutboxWorkstation, outboxItemsOf, signReport } from '../../../test/helpers/outboxWorkstation.js';
import { insertStudy } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { Workstation } from '../workstation/Workstation.js';

interface Received {
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
class RisListener {
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

describe('the outbox sends signed reports to the RIS over MLLP', () => {
	const dir = tempDir('radialog-outbox-mllp-');
	const ris = new RisListener();
	let ws: Workstation;
	before(async () => {
		await ris.start();
		ws = await openOutboxWorkstation(path.join(dir, 'data'));
		ws.settings.update({ hl7: { ...defaultHl7Settings, mllp: { host: '127.0.0.1', port: ris.port } } });
	});
	after(async () => {
		await ws?.close();
		await ris.stop();
	});

	test('an ORU^R01 the RIS accepts (AA) is delivered once, with the patient and the signed text', async () => {
		const studyId = insertStudy(ws.db, 1);
		await signReport(ws, studyId, 'The heart is enlarged.', 'Cardiomegaly.');
		const [item] = await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'delivered');
		assert.equal(item?.kind, 'ris');
		assert.equal(item?.destination, `RIS (127.0.0.1:${ris.port})`);
		assert.equal(ris.received.length, 1);
		const [got] = ris.received;
		assert.equal(got?.type, 'ORU^R01^ORU_R01');
		assert.equal(got?.patientId, 'PAT1');
		assert.ok(got?.obx.includes('The heart is enlarged.'), JSON.stringify(got?.obx));
		assert.ok(got?.obx.includes('Cardiomegaly.'));
	});

	test('a refusal (AE) stays for attention with the RIS’s text; Retry now sends the same message', async () => {
		const studyId = insertStudy(ws.db, 2);
		const before = ris.received.length;
		ris.answer = { code: 'AE', text: 'Unknown order ACC2' };
		await signReport(ws, studyId, 'Clear lungs.', 'Normal chest.');
		const [refused] = await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'attention');
		assert.match(refused?.lastError ?? '', /refused the report \(AE\): Unknown order ACC2/);
		assert.equal((await ws.handlers['outbox.list']({})).attention, 1);
		ris.answer = { code: 'AA', text: '' };
		await ws.handlers['outbox.retry']({ itemId: refused!.id });
		await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'delivered');
		const sent = ris.received.slice(before);
		assert.equal(sent.length, 2);
		assert.equal(sent[0]?.controlId, sent[1]?.controlId, 'the retry is the same message');
		assert.equal((await ws.handlers['outbox.list']({})).attention, 0);
	});

	test('with the listener down the report waits, and goes when it is back, without a click', async () => {
		const studyId = insertStudy(ws.db, 3);
		const port = ris.port;
		await ris.stop();
		await signReport(ws, studyId, 'Small left effusion.', 'Pleural effusion.');
		const [waiting] = await outboxItemsOf(ws, studyId, (i) => (i[0]?.attempts ?? 0) >= 2);
		assert.equal(waiting?.state, 'waiting');
		assert.match(waiting?.lastError ?? '', /did not answer \(ECONNREFUSED\)/);
		await ris.start(port);
		await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'delivered');
		assert.equal(ris.received.at(-1)?.patientId, 'PAT3');
	});

	test('no acknowledgement in time is retried later, not refused', async () => {
		const studyId = insertStudy(ws.db, 4);
		ris.answer = 'silent';
		await signReport(ws, studyId, 'Lungs clear.', 'No acute disease.');
		const [waiting] = await outboxItemsOf(ws, studyId, (i) => (i[0]?.attempts ?? 0) >= 1);
		assert.equal(waiting?.state, 'waiting');
		assert.match(waiting?.lastError ?? '', /no acknowledgement in time/);
		ris.answer = { code: 'AA', text: '' };
		await outboxItemsOf(ws, studyId, (i) => i[0]?.state === 'delivered');
		const delivered = (await ws.handlers['outbox.list']({})).items.filter((i) => i.state === 'delivered').length;
		const count = ris.received.length;
		await new Promise((resolve) => setTimeout(resolve, 600));
		assert.equal(ris.received.length, count, 'nothing acknowledged is sent again');
		assert.equal(
			(await ws.handlers['outbox.list']({})).items.filter((i) => i.state === 'delivered').length,
			delivered,
		);
	});
});
