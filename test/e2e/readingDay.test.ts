// The whole reading day through the UI alone, started the way the README says (`npm start`) on a fresh
// data folder: first-run settings, demo studies, a study opened while the queue drafts the others,
// findings accepted and rejected, an edit then Apply, viewer keys after typing, Ctrl+Enter and confirm,
// exports, back to the worklist and a reload. No API call sets any state; every step leaves a screenshot.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { npmStart } from '../helpers/npmStart.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { launchChromium } from './pages/browser.js';
import { ReadingDayPage } from './pages/ReadingDayPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { ViewerPage } from './pages/ViewerPage.js';
import { WorklistPage } from './pages/WorklistPage.js';

let browser: Browser;
let page: Page;
let stop: () => Promise<void> = () => Promise.resolve();
let url = '';
const exportsDir = tempDir('radialog-e2e-day-exports-');
// At the top: a folder made inside a hook would be removed when the hook ends.
const dataDir = tempDir('radialog-e2e-day-data-');
const errors: string[] = [];
let step = 0;
const shot = (name: string) =>
	page.screenshot({ path: path.join(testOutputDir, `day-${String(++step).padStart(2, '0')}-${name}.png`) });

before(async () => {
	const started = await npmStart(path.resolve('.'), dataDir);
	url = started.url;
	stop = started.stop;
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
	page.on('pageerror', (e) => errors.push(e.message));
});
after(async () => {
	await browser?.close();
	await stop();
});

test('a reading day through the UI alone, from `npm start` on a fresh data folder', async () => {
	const day = new ReadingDayPage(page);
	const worklist = new WorklistPage(page);
	const viewer = new ViewerPage(page);
	const report = new ReportPage(page);

	// First run: name, credentials and export folder, by keyboard.
	await page.goto(url);
	await page.locator('[data-testid="app"][data-ready="true"]').waitFor();
	await day.firstRun({ name: 'Dr. Ada Day', credentials: 'MD, Radiologist', exportFolder: exportsDir });
	await shot('first-run-done');

	// Demo studies; the background queue starts drafting them.
	await worklist.loadDemoStudies();
	await worklist.waitForTotal(20);
	await day.waitForQueueDrafting();
	await shot('demo-studies-queue-drafting');

	// Open a study the queue has not reached: its findings and streamed draft come first.
	await worklist.waitForFocus('worklist-body');
	for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
	const opened = await worklist.selectedStudyId();
	await report.watchStreaming();
	await page.keyboard.press('Enter');
	await viewer.waitForImage();
	await page.locator('[data-testid="finding-row"][data-predicted="yes"]').first().waitFor({ timeout: 60_000 });
	await shot('opened-findings-first');
	await report.waitReady();
	assert.ok((await report.longestStreamSeen()) > 0, 'the draft streamed into the report');
	await shot('drafted');

	// Questions to the assistant: the newest answer is always in view, even once they overflow the panel.
	await page.setViewportSize({ width: 1600, height: 620 });
	const chat = await day.askUntilOverflow(8);
	await shot('assistant-newest-in-view');
	assert.ok(chat.overflowed, 'the answers overflowed the panel');
	assert.ok(chat.newestAlwaysInView, 'each newest answer was scrolled into view');
	await page.setViewportSize({ width: 1600, height: 950 });
	await page.getByTestId('tab-report').click();

	// Accept one finding, reject another (keyboard: a / r).
	const positive = await report.positiveFindings();
	const negative = (await day.negativeFindings()).filter((l) => l !== 'No Finding');
	assert.ok(positive.length > 0 && negative.length > 0);
	await report.reject(positive[0]!);
	await report.accept(negative[0]!);
	await shot('findings-decided');

	// The reader edits the text, then Apply: the prompt appears; replacing keeps the edit one undo away.
	await day.typeAtEndOfFindings(' Reader note.');
	await report.applyOverEdits(() => shot('apply-prompt'));
	await shot('applied');
	assert.ok(!(await report.findingsText.inputValue()).includes('Reader note.'));

	// Typing in the report, then clicking the image: viewer keys change the image, never the text.
	await day.typeAtEndOfFindings(' No prior study for comparison.');
	const text = await report.findingsText.inputValue();
	await viewer.viewport.click();
	await viewer.waitForFocus();
	for (const key of ['i', 'r', 'h']) await page.keyboard.press(key);
	await viewer.waitForView('inverted 90deg hflip');
	assert.equal(await report.findingsText.inputValue(), text, 'viewer keys left the report alone');
	await shot('viewer-keys');

	// The reader writes the Impression where the draft has none, then Ctrl+Enter: one confirmation lists
	// every warning (an empty Impression would be one); confirmed, the report is signed.
	if (!(await report.impressionText.inputValue()).trim()) await day.typeImpression('See findings.');
	const warnings = await report.sign(() => shot('sign-dialog'));
	await shot('signed');
	assert.ok(!warnings.some((w) => /impression/i.test(w)), warnings.join('\n'));

	// Exports: PDF, SR and the patient handout.
	const files = await day.exportPdfAndSr();
	assert.ok(fs.existsSync(files.pdf!) && fs.existsSync(files.sr!));
	const handout = await day.faithfulHandout(() => shot('handout-contradiction-shown'));
	assert.ok(fs.existsSync(handout.file));
	if (handout.removed.length) console.log(`handout sentences the reader removed: ${handout.removed.join(' | ')}`);
	await shot('exported');

	// Back to the worklist: the study just read is selected; a reload keeps the place.
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await worklist.waitForSelected(opened);
	await shot('back-on-worklist');
	await worklist.waitForPlaceSaved();
	await page.reload();
	await page.locator('[data-testid="worklist"][data-loaded="true"]').waitFor();
	await worklist.waitForSelected(opened);
	await shot('reloaded');

	// Sorted by patient, then the workstation restarts (browser mode: a new port and token): the same
	// sort and the same selected study come back from the data folder, not from the page's storage.
	await page.getByTestId('sort-patientName').click();
	assert.equal(await worklist.sortOrder('Patient'), 'ascending');
	// A new sort starts at the top row once the sorted rows are in (the study read was row 8).
	await page.locator('[data-testid="worklist-body"][data-selected="0"]').waitFor();
	const selected = await worklist.selectedStudyId();
	await worklist.waitForPlaceSaved();
	await stop();
	const restarted = await npmStart(path.resolve('.'), dataDir);
	stop = restarted.stop;
	assert.notEqual(new URL(restarted.url).origin, new URL(url).origin, 'a new address after the restart');
	await page.goto(restarted.url);
	await page.locator('[data-testid="worklist"][data-loaded="true"]').waitFor();
	await worklist.waitForSelected(selected);
	assert.equal(await worklist.sortOrder('Patient'), 'ascending');
	await shot('restarted');
	assert.deepEqual(errors, []);
});
