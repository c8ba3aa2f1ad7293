import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { ReportPage } from './pages/ReportPage.js';
import { ViewerPage } from './pages/ViewerPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { WorkstationPage } from './pages/WorkstationPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

// Only clicks and keys, as a radiologist reads: no API call sets any state here.
let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const shot = (name: string) => page.screenshot({ path: path.join(testOutputDir, `focus-${name}.png`) });

before(async () => {
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-focus-'), { width: 1500, height: 900 }));
	page.on('pageerror', (e) => errors.push(e.message));
});
after(() => closeServedPage(browser, served));

test('the keyboard starts on the worklist; viewer keys never type into the report; Esc goes back', async () => {
	const shell = new WorkstationPage(page);
	const worklist = new WorklistPage(page);
	const viewer = new ViewerPage(page);
	const report = new ReportPage(page);
	await shell.open(served.url);
	await shell.waitForWorklistLoaded();
	await shell.emptyWorklist.waitFor();
	await worklist.waitForFocus('worklist-search');

	await worklist.loadDemoStudies();
	await worklist.waitForTotal(20);
	// Back from the import report, the keyboard is on the rows: no Tab needed.
	await worklist.waitForFocus('worklist-body');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await page.locator('[data-testid="worklist-body"][data-selected="2"]').waitFor();
	const opened = await worklist.selectedStudyId();
	await page.keyboard.press('Enter');
	await page.locator(`[data-testid="viewer"][data-study-id="${opened}"]`).waitFor();
	await viewer.waitForImage();
	await report.waitReady();
	assert.equal(await viewer.view(), '0deg');

	// Typing i, r and h in the report is text, not viewer commands.
	await report.findingsText.click();
	await page.keyboard.press('Control+End');
	const saved = page.getByTestId('save-state');
	const before = await saved.getAttribute('data-version');
	await page.keyboard.type(' irh');
	await page.locator(`[data-testid="save-state"][data-state="saved"]:not([data-version="${before}"])`).waitFor();
	const text = await report.findingsText.inputValue();
	assert.match(text, / irh$/);
	const version = await saved.getAttribute('data-version');
	assert.equal(await viewer.view(), '0deg', 'typing in the report left the image alone');

	// Clicking the image gives it the keyboard; its keys change the image and never the report.
	const zoom = await viewer.zoom();
	await viewer.viewport.click();
	await viewer.waitForFocus();
	await page.keyboard.press('i');
	await page.keyboard.press('r');
	await page.keyboard.press('h');
	await page.keyboard.press('+');
	await viewer.waitForView('inverted 90deg hflip');
	assert.ok((await viewer.waitForZoomAbove(zoom)) > zoom, '+ zooms in');
	await shot('viewer-keys');
	assert.equal(await report.findingsText.inputValue(), text, 'the report text is unchanged');
	assert.equal(await saved.getAttribute('data-version'), version, 'no new version was saved');
	assert.equal(await saved.getAttribute('data-state'), 'saved');

	// Esc in the report leaves the field for the viewer, whose keys then work at once; the study stays open.
	await report.findingsText.click();
	await page.keyboard.press('Escape');
	await viewer.waitForFocus();
	await page.keyboard.press('0');
	await viewer.waitForView('0deg');
	assert.equal(await report.findingsText.inputValue(), text);
	assert.equal(await page.getByTestId('study-view').count(), 1);

	// Esc from the viewer: the worklist, on the study just read, with the keyboard on its rows.
	await page.keyboard.press('Escape');
	await worklist.waitForSelected(opened);
	await worklist.waitForFocus('worklist-body');
	await shot('back-on-worklist');
	assert.deepEqual(errors, []);
});

test('selection, sort, filter and the open study survive a reload; ↓ and Enter work from the search box', async () => {
	const shell = new WorkstationPage(page);
	const worklist = new WorklistPage(page);
	const viewer = new ViewerPage(page);
	await page.getByTestId('sort-patientName').click();
	assert.equal(await worklist.sortOrder('Patient'), 'ascending');
	await worklist.searchBox.click();
	await page.keyboard.type('PH00001');
	await worklist.waitForTotal(10);
	await page.keyboard.press('ArrowDown');
	await worklist.waitForFocus('worklist-body');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	await page.locator('[data-testid="worklist-body"][data-selected="3"]').waitFor();
	const selected = await worklist.selectedStudyId();
	await worklist.waitForPlaceSaved();

	await page.reload();
	await shell.waitForWorklistLoaded();
	await worklist.waitForSelected(selected);
	await worklist.waitForFocus('worklist-body');
	assert.equal(await worklist.searchBox.inputValue(), 'PH00001');
	assert.equal(await page.locator('[data-testid="worklist"]').getAttribute('data-total'), '10');
	assert.equal(await worklist.sortOrder('Patient'), 'ascending');
	await shot('reloaded-worklist');

	// Enter in the search box goes to the list, not straight into a study the reader has not seen selected.
	await worklist.searchBox.click();
	await page.keyboard.press('Enter');
	await worklist.waitForFocus('worklist-body');
	await page.keyboard.press('ArrowDown');
	await page.locator('[data-testid="worklist-body"][data-selected="4"]').waitFor();
	const next = await worklist.selectedStudyId();
	await page.keyboard.press('Enter');
	await page.locator(`[data-testid="viewer"][data-study-id="${next}"]`).waitFor();
	await viewer.waitForImage();
	await viewer.waitForPlaceSaved();

	await page.reload();
	await page.locator(`[data-testid="viewer"][data-study-id="${next}"]`).waitFor();
	await viewer.waitForImage();
	await viewer.waitForFocus();
	// The study's draft finishes first: the workstation stops only after the calls it is answering.
	await new ReportPage(page).waitReady();
	await shot('reloaded-viewer');
	await page.keyboard.press('Escape');
	await worklist.waitForSelected(next);
	assert.equal(await worklist.sortOrder('Patient'), 'ascending');
	assert.equal(await worklist.searchBox.inputValue(), 'PH00001');
	assert.deepEqual(errors, []);
});
