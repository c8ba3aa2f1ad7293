// Signed reports go to the RIS as HL7 ORU^R01 over MLLP, to a real TCP listener in the test that answers
// with ACKs; every message it receives is read by python-hl7, a parser this project did not write.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultHl7Settings } from '../../common/api/appContract.js';
import { openOutboxWorkstation, outboxItemsOf, signReport } from '../../../test/helpers/outboxWorkstation.js';
import { RisListener } from '../../../test/helpers/RisListener.js';
import { insertStudy } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import type { Workstation } from '../workstation/Workstation.js';

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
