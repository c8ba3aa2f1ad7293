// The reader's day from a fresh data folder, through the UI alone: the first-run step asks for the name,
// credentials and export folder; the settings screen opens with Ctrl+,; a demo study is drafted, signed
// and exported as PDF, and the PDF carries the name with the credentials. No API call sets any state.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { ReportPage } from './pages/ReportPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const exportsDir = tempDir('radialog-e2e-settings-exports-');
const shot = (name: string) => page.screenshot({ path: path.join(testOutputDir, `settings-${name}.png`) });
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const name = 'Dr. Grace Settings';
const credentials = 'MD, Consultant Radiologist';

before(async () => {
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-settings-data-')));
});
after(() => closeServedPage(browser, served));

test('first run asks for name, credentials and export folder; the signed PDF carries them', async () => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(served.url);
	await page.locator('[data-testid="app"][data-ready="true"]').waitFor();

	// A fresh data folder: the first-run step stands before the worklist, its name field focused.
	const firstRun = page.getByTestId('first-run');
	await firstRun.waitFor();
	assert.equal(await page.getByTestId('worklist').count(), 0, 'no worklist before the first-run step');
	assert.equal(await page.evaluate(() => document.activeElement?.id), 'firstrun-readerName');
	await shot('1-first-run');

	// Typed by keyboard; a relative export folder is refused beside its field, nothing is saved.
	await page.keyboard.type(name);
	await page.keyboard.press('Tab');
	await page.keyboard.type(credentials);
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement?.id), 'firstrun-exportFolder');
	await page.keyboard.type('reports');
	await page.keyboard.press('Enter');
	const folderError = page.getByTestId('settings-firstrun-exportFolder-error');
	await folderError.waitFor();
	assert.match(await folderError.innerText(), /not a full path/);
	assert.equal(await page.evaluate(() => document.activeElement?.id), 'firstrun-exportFolder');
	await shot('2-first-run-relative-folder');

	// A folder that does not exist is refused too, by the server, in words.
	await page.getByLabel('Export folder').fill(path.join(exportsDir, 'missing'));
	await page.keyboard.press('Enter');
	await folderError.waitFor();
	assert.match(await folderError.innerText(), /no folder/i);

	await page.getByLabel('Export folder').fill(exportsDir);
	await page.keyboard.press('Enter');
	const worklistPage = new WorklistPage(page);
	await page.locator('[data-testid="worklist"][data-loaded="true"]').waitFor();
	assert.equal(await firstRun.count(), 0);
	await shot('3-worklist-after-first-run');

	// Ctrl+, opens the settings screen with what was saved; the reader lowers the model threads, saves with Enter.
	await page.keyboard.press('Control+Comma');
	const screen = page.getByTestId('settings-screen');
	await screen.waitFor();
	assert.equal(await page.getByTestId('settings-settings-readerName').inputValue(), name);
	assert.equal(await page.getByTestId('settings-settings-readerCredentials').inputValue(), credentials);
	assert.equal(await page.getByTestId('settings-settings-exportFolder').inputValue(), exportsDir);
	assert.equal(await page.getByTestId('settings-settings-maxPduBytes').inputValue(), '262144');
	await page.getByLabel('Language model threads').fill('x');
	await page.keyboard.press('Enter');
	await page.getByTestId('settings-settings-llmThreads-error').waitFor();
	await shot('4-settings-screen-error');
	await page.getByLabel('Language model threads').fill('1');
	await page.keyboard.press('Enter');
	await screen.waitFor({ state: 'detached' });

	// Escape cancels without saving.
	await page.getByTestId('open-settings').click();
	await screen.waitFor();
	await page.getByLabel('Credentials (printed beside your name)').fill('changed and cancelled');
	await page.keyboard.press('Escape');
	await screen.waitFor({ state: 'detached' });

	// Demo studies; the first one is drafted by the demo models, then signed and exported from the UI.
	await page.getByTestId('load-demo-studies').click();
	await page.getByTestId('import-report-close').click({ timeout: 240_000 });
	await worklistPage.rows.first().waitFor();
	await worklistPage.openWithKeyboard(0);
	const report = new ReportPage(page);
	await report.root.waitFor();
	await report.waitReady();
	assert.ok(await page.getByTestId('open-settings').isVisible(), 'the settings button is on the reading screen');
	await report.tab('report');
	const signingAs = await page.getByTestId('signing-as').innerText();
	assert.equal(signingAs, `Signing as ${name}, ${credentials}`);
	await report.sign();
	assert.equal(await page.getByTestId('signed-by').innerText(), name);
	await shot('5-signed');

	await report.tab('export');
	assert.match(await page.getByTestId('export-folder').innerText(), new RegExp(exportsDir));
	await page.getByTestId('export-pdf').click();
	const item = page.locator('[data-testid="export-result"] li[data-format="pdf"] code');
	await item.waitFor();
	const file = await item.innerText();
	await shot('6-exported');
	assert.equal(path.dirname(file), exportsDir, 'the PDF is in the chosen folder');
	assert.ok(fs.existsSync(file));
	const text = pdfText(file);
	assert.ok(text.includes(`Electronically signed by ${name}, ${credentials} on`), text);
	assert.ok(!text.includes('changed and cancelled'), 'a cancelled change never reaches a report');
	assert.deepEqual(errors, []);
});
