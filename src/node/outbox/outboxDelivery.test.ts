// The delivery loop on the real outbox table: order within a report, no busy waiting behind a refusal.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { defaultPacsSettings } from '../../common/api/pacsSettings.js';
import { positiveLabels } from '../../common/labeler/ReportLabels.js';
import { labelReport } from '../../common/labeler/labelReport.js';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { RisListener } from '../../../test/helpers/RisListener.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { ReportDocuments } from '../reporting/ReportDocuments.js';
import { ReportSigning } from '../reporting/ReportSigning.js';
import { openPacsClient } from '../pacs/index.js';
import { Outbox } from './Outbox.js';
import { OutboxDelivery } from './OutboxDelivery.js';
import type { OutboxDependencies } from './OutboxDependencies.js';
import { OutboxQueue } from './OutboxQueue.js';
import type { OutboxStore } from './OutboxStore.js';
import { SqliteOutbox } from './SqliteOutbox.js';
import { TcpMllpSender } from './TcpMllpSender.js';

/** The real table, counting how often the loop asks what is due. */
class CountingOutbox extends SqliteOutbox implements OutboxStore {
	dueCalls = 0;
	override due(now: string) {
		this.dueCalls++;
		return super.due(now);
	}
}

/** The outbox's parts on a real database, sending to `ris`, with reporting's real signing. */
function build(ris: RisListener, mllpTimeoutMs: number) {
	const f = reportingFixture(tempDir('radialog-outbox-delivery-'));
	const store = new CountingOutbox(f.db);
	const deps: OutboxDependencies = {
		store,
		reports: new ReportDocuments(f.store, f.studies),
		settings: {
			pacs: () => defaultPacsSettings,
			hl7: () => ({ ...f.settings.get().hl7, mllp: { host: '127.0.0.1', port: ris.port } }),
		},
		origins: { of: () => null },
		openPacs: openPacsClient,
		mllp: new TcpMllpSender(mllpTimeoutMs),
		events: f.events,
		transaction: (fn) => f.db.transaction(fn)(),
		timing: { firstMs: 50, maxMs: 100 },
	};
	const delivery = new OutboxDelivery(deps);
	const outbox = new Outbox(deps, () => delivery.kick());
	const signing = new ReportSigning({
		store: f.store,
		audit: f.audit,
		reader: { readerName: () => 'Dr. Ada Reader' },
		findingsReader: { positiveFindings: (t) => Promise.resolve(positiveLabels(labelReport(t))) },
		states: f.reporting,
		signed: new OutboxQueue(deps, () => setImmediate(() => delivery.kick())),
	});
	const written = async (n: number) => {
		const studyId = insertStudy(f.db, n);
		await f.reporting.draft(studyId);
		f.reporting.save(studyId, { findings: 'The heart is enlarged.', impression: 'Cardiomegaly.' });
		return studyId;
	};
	return { store, delivery, outbox, signing, written };
}

test('an addendum behind a refused report waits without spinning, then both go in order', async () => {
	const ris = new RisListener();
	await ris.start();
	const { store, delivery, outbox, signing, written } = build(ris, 1000);
	const states = () => outbox.list().items.map((i) => `${i.revision}:${i.state}`);
	const until = async (want: string[]) => {
		for (let i = 0; i < 200 && states().join() !== want.join(); i++) await sleep(25);
		assert.deepEqual(states(), want);
	};
	try {
		await delivery.start();
		const studyId = await written(1);
		ris.answer = { code: 'AR', text: 'Order closed' };
		await signing.sign(studyId, true);
		await until(['0:attention']);
		await signing.addendum(studyId, 'Unchanged.');
		await until(['1:waiting', '0:attention']);
		const before = store.dueCalls;
		await sleep(400);
		assert.ok(store.dueCalls - before < 5, `asked ${store.dueCalls - before} times while nothing could go`);
		assert.equal(ris.received.length, 1, 'the addendum is not sent before the report');
		ris.answer = { code: 'AA', text: '' };
		outbox.retry(outbox.list().items.find((i) => i.revision === 0)!.id);
		await until(['1:delivered', '0:delivered']);
		const [, report, addendum] = ris.received;
		assert.ok(report && addendum && report.controlId !== addendum.controlId);
		assert.ok(!report.obx.some((o) => o.includes('Unchanged.')), 'the report as signed, without the addendum');
		assert.ok(addendum.obx.some((o) => o.includes('Unchanged.')));
	} finally {
		await delivery.stop();
		await ris.stop();
	}
});

test('stopping does not wait for a silent RIS; the unacknowledged report stays waiting', async () => {
	const ris = new RisListener();
	await ris.start();
	ris.answer = 'silent';
	const { delivery, outbox, signing, written } = build(ris, 30_000);
	try {
		await delivery.start();
		await signing.sign(await written(1), true);
		for (let i = 0; i < 200 && ris.received.length === 0; i++) await sleep(25);
		assert.equal(ris.received.length, 1);
		const started = Date.now();
		await delivery.stop();
		assert.ok(Date.now() - started < 5000, 'stopped in seconds, not after the 30 s timeout');
		assert.deepEqual(
			outbox.list().items.map((i) => [i.state, i.attempts]),
			[['waiting', 0]],
		);
	} finally {
		await delivery.stop();
		await ris.stop();
	}
});
