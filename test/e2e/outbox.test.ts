// A signed report the RIS refused: the status bar warns, the outbox panel shows the RIS's own words, and
// Retry now (after the RIS was fixed) delivers it. The data folder is prepared before the app starts: a
// report signed by the workstation's services while no delivery ran, so the served app sends it first.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { defaultHl7Settings } from '../../src/common/api/appContract.js';
import { Workstation } from '../../src/node/workstation/Workstation.js';
import { signReport } from '../helpers/outboxWorkstation.js';
import { insertStudy } from '../helpers/reportingFixture.js';
import { RisListener } from '../helpers/RisListener.js';
import { ScriptedAssistant, testImage } from '../helpers/ScriptedAssistant.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { OutboxPage } from './pages/OutboxPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';
import { WorkstationPage } from './pages/WorkstationPage.js';

let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const ris = new RisListener();

before(async () => {
	await ris.start();
	ris.answer = { code: 'AE', text: 'Unknown order ACC1' };
	const dataDir = tempDir('radialog-e2e-outbox-data-');
	const ws = new Workstation({
		dataDir,
		shell: 'browser',
		modelStandIn: {
			assistants: { assistant: () => Promise.resolve(new ScriptedAssistant({ Cardiomegaly: 0.9 })) },
			images: { studyImage: () => Promise.resolve(testImage) },
		},
	});
	try {
		ws.settings.update({
			readerName: 'Dr. Ada Reader',
			hl7: { ...defaultHl7Settings, mllp: { host: '127.0.0.1', port: ris.port } },
		});
		await signReport(ws, insertStudy(ws.db, 1), 'The heart is enlarged.', 'Cardiomegaly.');
	} finally {
		await ws.close();
	}
	({ served, browser, page } = await openServedPage(dataDir));
});
after(async () => {
	await closeServedPage(browser, served);
	await ris.stop();
});

test('a refused report shows in the outbox with the RIS’s words, and Retry now delivers it', async () => {
	await new WorkstationPage(page).open(served.url);
	const outbox = new OutboxPage(page);
	await outbox.waitForAttention(1);
	assert.match(await outbox.indicator.innerText(), /Outbox: 1 needs attention/);
	const panel = await outbox.open();
	const refused = await outbox.waitForItemState('attention');
	assert.match(await refused.innerText(), /Jane/);
	assert.match(
		await refused.getByTestId('outbox-error').innerText(),
		/refused the report \(AE\): Unknown order ACC1/,
	);
	await page.screenshot({ path: path.join(testOutputDir, 'outbox-attention.png') });
	ris.answer = { code: 'AA', text: '' };
	await outbox.retry(refused);
	const delivered = await outbox.waitForItemState('delivered');
	assert.match(await delivered.getByTestId('outbox-state').innerText(), /Delivered/);
	assert.equal(await panel.getByTestId('outbox-retry').count(), 0);
	await outbox.close();
	await outbox.waitForAttention(0);
	assert.match(await outbox.indicator.innerText(), /Outbox: all sent/);
	assert.equal(ris.received.length, 2, 'sent once refused, once delivered');
});
