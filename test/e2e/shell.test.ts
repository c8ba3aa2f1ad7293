import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startServedWorkstation, type ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { launchChromium } from './pages/browser.js';
import { WorkstationPage } from './pages/WorkstationPage.js';

let served: ServedWorkstation;
let browser: Browser;

before(async () => {
	served = await startServedWorkstation(tempDir());
	browser = await launchChromium();
});
after(async () => {
	await browser?.close();
	await served?.stop();
});

test('npm start without an Electron binary says so and serves browser mode', () => {
	assert.match(served.output.join('\n'), /Electron runtime not installed.*browser mode/);
	assert.match(served.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
});

test('the empty worklist shell opens in Chromium', async () => {
	const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const ws = new WorkstationPage(page);
	await ws.open(served.url);
	await ws.waitForWorklistLoaded();
	await ws.emptyWorklist.waitFor();
	assert.equal(await ws.rows.count(), 0);
	assert.match(await page.getByTestId('status-bar').innerText(), /Browser mode/);
	// The token left the address bar but the app keeps working after a reload.
	assert.ok(!page.url().includes('token='));
	await page.reload();
	await ws.waitForWorklistLoaded();
	await page.screenshot({ path: path.join(testOutputDir, 'shell-empty-worklist.png') });
	assert.deepEqual(errors, []);
});
