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

test('an addendum behind a refused report waits without spinning, then both go in order', async () => {
	const ris = new RisListener();
	await ris.start();
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
		mllp: new TcpMllpSender(1000),
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
	const states = () => outbox.list().items.map((i) => `${i.revision}:${i.state}`);
	const until = async (want: string[]) => {
		for (let i = 0; i < 200 && states().join() !== want.join(); i++) await sleep(25);
		assert.deepEqual(states(), want);
	};
	try {
		await delivery.start();
		const studyId = insertStudy(f.db, 1);
		await f.reporting.draft(studyId);
		f.reporting.save(studyId, { findings: 'The heart is enlarged.', impression: 'Cardiomegaly.' });
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
