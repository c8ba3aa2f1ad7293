// Queueing happens inside the signature's transaction: a signed report is never without its outbox items.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPacsSettings } from '../../common/api/pacsSettings.js';
import { positiveLabels } from '../../common/labeler/ReportLabels.js';
import { labelReport } from '../../common/labeler/labelReport.js';
import { insertStudy, reportingFixture } from '../../../test/helpers/reportingFixture.js';
import { tempDir } from '../../../test/helpers/tempDir.js';
import { PacsOrigins } from '../pacs/PacsOrigins.js';
import { ReportSigning } from '../reporting/ReportSigning.js';
import type { SignedReportListener } from '../reporting/index.js';
import { OutboxQueue } from './OutboxQueue.js';
import { readAck } from './readAck.js';
import { retryDelay } from './retryDelay.js';
import { SqliteOutbox } from './SqliteOutbox.js';

const pacs = (id: string) => ({
	id,
	name: `PACS ${id}`,
	kind: 'dicomweb' as const,
	baseUrl: 'http://127.0.0.1:1/dicom-web',
	caFile: null,
	auth: { kind: 'none' as const },
});

function setup(listener?: (queue: OutboxQueue) => SignedReportListener) {
	const f = reportingFixture(tempDir('radialog-outbox-queue-'));
	const store = new SqliteOutbox(f.db);
	const origins = new PacsOrigins(f.db);
	const settings = {
		pacs: () => ({ ...defaultPacsSettings, connections: [pacs('main'), pacs('other')], defaultId: 'main' }),
		hl7: () => ({ ...f.settings.get().hl7, mllp: { host: '127.0.0.1', port: 2575 } }),
	};
	let kicks = 0;
	const queue = new OutboxQueue(
		{ store, settings, origins, transaction: (fn) => f.db.transaction(fn)() },
		() => kicks++,
	);
	const signing = new ReportSigning({
		store: f.store,
		audit: f.audit,
		reader: { readerName: () => 'Dr. Ada Reader' },
		findingsReader: { positiveFindings: (t) => Promise.resolve(positiveLabels(labelReport(t))) },
		states: f.reporting,
		signed: listener ? listener(queue) : queue,
	});
	return { f, store, origins, signing, kicks: () => kicks };
}

async function written(f: ReturnType<typeof reportingFixture>, studyId: number) {
	await f.reporting.draft(studyId);
	f.reporting.save(studyId, { findings: 'The heart is enlarged.', impression: 'Cardiomegaly.' });
}

test('a signature queues one item for the study’s own PACS and one for the RIS; an addendum supersedes', async () => {
	const { f, store, origins, signing, kicks } = setup();
	const studyId = insertStudy(f.db, 1);
	origins.remember(studyId, 'other');
	await written(f, studyId);
	await signing.sign(studyId, true);
	const items = store.recent(10).reverse();
	assert.deepEqual(
		items.map((i) => [i.kind, i.destinationId, i.revision, i.state]),
		[
			['pacs', 'other', 0, 'waiting'],
			['ris', 'mllp', 0, 'waiting'],
		],
	);
	assert.ok(items[0]?.instanceUid?.startsWith('2.25.'));
	assert.ok(items[1]?.controlId && items[1].controlId.length <= 20);
	await signing.addendum(studyId, 'Unchanged since yesterday.');
	const sr = store.recent(10).find((i) => i.kind === 'pacs' && i.revision === 1);
	assert.deepEqual(sr?.predecessor, { series: items[0]?.seriesUid, instance: items[0]?.instanceUid });
	assert.equal(kicks(), 2);
});

test('a study from no PACS goes to the default one', async () => {
	const { f, store, signing } = setup();
	const studyId = insertStudy(f.db, 2);
	await written(f, studyId);
	await signing.sign(studyId, true);
	assert.ok(store.recent(10).some((i) => i.kind === 'pacs' && i.destinationId === 'main'));
});

test('if queueing fails, the signature is rolled back with it: nothing signed is left unsent', async () => {
	const { f, store, signing } = setup(() => ({
		reportSigned: () => {
			throw new Error('disk full');
		},
	}));
	const studyId = insertStudy(f.db, 3);
	await written(f, studyId);
	await assert.rejects(signing.sign(studyId, true), /disk full/);
	assert.equal(f.store.report(studyId)?.status, 'draft');
	assert.equal(store.recent(10).length, 0);
});

test('the wait doubles from the first to the most, jittered by a quarter either way', () => {
	const timing = { firstMs: 5000, maxMs: 600_000 };
	assert.deepEqual(
		[1, 2, 3, 8, 20].map((n) => retryDelay(n, timing, () => 0.5)),
		[5000, 10_000, 20_000, 600_000, 600_000],
	);
	assert.equal(
		retryDelay(1, timing, () => 0),
		3750,
	);
	assert.equal(
		retryDelay(1, timing, () => 1),
		6250,
	);
});

test('an ACK is read for its verdict and its text', () => {
	const ack = readAck(
		'MSH|^~\\&|RIS|H|RW|R|2026||ACK|1|P|2.5.1\rMSA|AE|R1.0.x|Unknown order\rERR|||207^Application error',
	);
	assert.deepEqual(ack, { code: 'AE', controlId: 'R1.0.x', text: 'Unknown order' });
	assert.equal(readAck('MSH|^~\\&|RIS\rERR|||207^Application error^HL70357|E||||Bad PID')?.code ?? null, null);
	assert.equal(readAck('MSH|^~\\&|RIS\rMSA|AR|X\rERR|||207^Application error^HL70357|E||||Bad PID')?.text, 'Bad PID');
});
