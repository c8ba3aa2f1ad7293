import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeDicomFixture } from '../helpers/dicomFixtures.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { ViewerPage } from './pages/ViewerPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { WorkstationPage } from './pages/WorkstationPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

// Only clicks and keys, as a radiologist reads: the studies come in through the import dialog.
let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const input = tempDir('radialog-e2e-viewer-in-');
// Made here, not in the hook: a folder made inside `before` is removed when the hook ends.
const data = tempDir('radialog-e2e-viewer-data-');
const pairStudy = '1.2.826.0.1.3680043.10.1373.77.1';
const shot = (name: string) => page.screenshot({ path: path.join(testOutputDir, `viewer-${name}.png`) });

before(async () => {
	const size = { rows: 512, cols: 400 };
	makeDicomFixture(path.join(input, 'calibrated.dcm'), 'dx16', {
		...size,
		patient: 'Calibrated^Paula',
		pid: 'VB-1',
		orientation: 'L/F',
	});
	makeDicomFixture(path.join(input, 'bare.dcm'), 'dx16', {
		...size,
		patient: 'Bare^Ben',
		pid: 'VB-2',
		pixelspacing: 'none',
	});
	const pair = { ...size, patient: 'Pair^Pat', pid: 'VB-3', study: pairStudy, pixelspacing: 'none' };
	makeDicomFixture(path.join(input, 'pa.dcm'), 'dx16', { ...pair, view: 'PA', imagerspacing: '0.15/0.15' });
	makeDicomFixture(path.join(input, 'lat.dcm'), 'dx16', { ...pair, view: 'LL' });
	({ served, browser, page } = await openServedPage(data, { width: 1500, height: 900 }));
	page.on('pageerror', (e) => errors.push(e.message));
	const shell = new WorkstationPage(page);
	await shell.open(served.url);
	await shell.waitForWorklistLoaded();
	const report = await new WorklistPage(page).importFolder(input);
	assert.equal(report.imported, 4, report.summary);
});
after(() => closeServedPage(browser, served));

async function open(patient: string): Promise<ViewerPage> {
	const worklist = new WorklistPage(page);
	if (await page.getByTestId('viewer').count()) await page.keyboard.press('Escape');
	await worklist.search(patient.split('^')[0]!);
	await worklist.waitForTotal(1);
	// The total was 1 for the last search too: wait for this patient's row before opening it.
	await worklist.rows.filter({ hasText: patient.replace('^', ', ') }).waitFor();
	await worklist.openWithKeyboard(0);
	const viewer = new ViewerPage(page);
	await viewer.root.filter({ hasText: patient.replace('^', ', ') }).waitFor();
	await viewer.waitForImage();
	return viewer;
}

/** A drag of `cssPixels` at the viewport's zoom covers cssPixels / zoom image pixels. */
async function imagePixels(viewer: ViewerPage, n: number, cssPixels: number): Promise<number> {
	return cssPixels / Number(await viewer.cell(n).locator('[data-zoom]').getAttribute('data-zoom'));
}

test('a PA shows its orientation letters; flips and turns move them and show as the view state', async () => {
	const viewer = await open('Calibrated^Paula');
	assert.equal(await viewer.cell(0).count(), 1);
	await viewer.waitForMarkers('H L F R');
	await shot('markers');

	await viewer.viewport.click();
	await viewer.waitForFocus();
	await page.keyboard.press('h');
	await viewer.waitForView('0deg hflip');
	await viewer.waitForMarkers('H R F L');
	assert.equal(await page.getByTestId('overlay-transform').innerText(), 'Flipped H');
	assert.equal(await page.getByTestId('flip-h').getAttribute('aria-pressed'), 'true');
	assert.equal(await page.getByTestId('rotate').getAttribute('aria-pressed'), 'false');

	await page.keyboard.press('r');
	await viewer.waitForView('90deg hflip');
	await viewer.waitForMarkers('L H R F');
	assert.equal(await page.getByTestId('overlay-transform').innerText(), 'Flipped H · Rotated 90°');
	assert.equal(await page.getByTestId('rotate').getAttribute('aria-pressed'), 'true');
	await shot('flipped');

	await page.getByTestId('reset').click();
	await viewer.waitForView('0deg');
	await viewer.waitForMarkers('H L F R');
	assert.equal(await page.getByTestId('flip-h').getAttribute('aria-pressed'), 'false');
	assert.deepEqual(errors, []);
});

test('a line drawn on a calibrated image reads in mm, unchanged by zoom; without spacing in px', async () => {
	const viewer = await open('Calibrated^Paula');
	await viewer.viewport.click();
	await page.keyboard.press('m');
	await page.locator('[data-testid="tool-length"][aria-pressed="true"]').waitFor();
	await viewer.drawLine(0, [-20, -100], [-20, 100]);
	const expected = (await imagePixels(viewer, 0, 200)) * 0.2;
	const text = await viewer.measurement();
	const mm = Number(/^([\d.]+) mm$/.exec(text)?.[1]);
	assert.ok(Math.abs(mm - expected) <= 0.15, `${text}, expected ${expected.toFixed(1)} mm`);

	const zoom = await viewer.zoom();
	await page.keyboard.press('+');
	await viewer.waitForZoomAbove(zoom);
	await shot('length');
	assert.equal(await viewer.measurement(), text, 'zooming does not change the length');
	// The window stayed as it was: the drag drew a line instead of changing it.
	assert.equal(await viewer.windowLevel(), '2048/4096');

	const bare = await open('Bare^Ben');
	if ((await page.getByTestId('tool-length').getAttribute('aria-pressed')) !== 'true')
		await page.getByTestId('tool-length').click();
	await bare.drawLine(0, [0, -50], [0, 100]);
	const px = /^(\d+) px uncalibrated$/.exec(await bare.measurement());
	assert.ok(px, await bare.measurement());
	assert.ok(Math.abs(Number(px[1]) - (await imagePixels(bare, 0, 150))) <= 1);
	assert.equal(await bare.markers(), 'H L F R', 'PA without Patient Orientation: the view position convention');
	await shot('uncalibrated');
	assert.deepEqual(errors, []);
});

test('a study with PA and lateral shows both side by side; keys act on the viewport last clicked', async () => {
	const viewer = await open('Pair^Pat');
	await viewer.cell(1).waitFor();
	assert.equal(await viewer.root.getByTestId('viewport-cell').count(), 2);
	assert.equal(await viewer.cell(0).getAttribute('data-view-position'), 'PA');
	assert.equal(await viewer.cell(1).getAttribute('data-view-position'), 'LL');
	await page.locator('[data-testid="viewport-2"][data-loaded="true"][data-rendered="true"]').waitFor();
	await viewer.waitForMarkers('H L F R', 0);
	await viewer.waitForMarkers('H P F A', 1);
	assert.equal(await page.getByTestId('side-by-side').getAttribute('aria-pressed'), 'true');

	await page.getByTestId('viewport-2').click();
	await page.keyboard.press('h');
	await page.locator('[data-testid="viewport-2"][data-view="0deg hflip"]').waitFor();
	await viewer.waitForMarkers('H A F P', 1);
	assert.equal(await viewer.view(), '0deg', 'the PA is untouched');
	assert.equal(await viewer.markers(0), 'H L F R');

	// Imager Pixel Spacing only: the length says it is measured at the detector.
	await viewer.viewport.click();
	if ((await page.getByTestId('tool-length').getAttribute('aria-pressed')) !== 'true') await page.keyboard.press('m');
	await viewer.drawLine(0, [0, -60], [0, 60]);
	assert.match(await viewer.measurement(0), /^[\d.]+ mm at detector$/);
	await shot('pair');

	// One view alone from its thumbnail, and back to both.
	await viewer.thumbnails.nth(1).click();
	await page.locator('[data-testid="side-by-side"][aria-pressed="false"]').waitFor();
	assert.equal(await viewer.root.getByTestId('viewport-cell').count(), 1);
	await page.getByTestId('side-by-side').click();
	await viewer.cell(1).waitFor();
	assert.deepEqual(errors, []);
});
