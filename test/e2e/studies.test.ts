import assert from 'node:assert/strict';
import fs from 'node:fs';
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

let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const input = tempDir('radialog-e2e-in-');
const study = '1.2.826.0.1.3680043.10.1373.55.1';

before(async () => {
	makeDicomFixture(path.join(input, 'jane', 'pa.dcm'), 'dx16', {
		study,
		view: 'PA',
		patient: 'Doe^Jane',
		pid: 'E2E-1',
		rows: 512,
		cols: 400,
	});
	makeDicomFixture(path.join(input, 'jane', 'lat.dcm'), 'dx16', {
		study,
		view: 'LL',
		patient: 'Doe^Jane',
		pid: 'E2E-1',
		rows: 512,
		cols: 400,
	});
	makeDicomFixture(path.join(input, 'richard', 'ap.dcm'), 'mono1', {
		view: 'AP',
		patient: 'Roe^Richard',
		pid: 'E2E-2',
		date: '20231111',
	});
	fs.writeFileSync(path.join(input, 'readme.txt'), 'not an image');
	// This test needs no receiver; keep the default DICOM port free for other runs.
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-data-'), { width: 1500, height: 900 }));
});
after(() => closeServedPage(browser, served));

test('import a folder, see the worklist, open a study, change window/level, screenshot', async () => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const shell = new WorkstationPage(page);
	await shell.open(served.url);
	await shell.waitForWorklistLoaded();
	const worklist = new WorklistPage(page);

	const report = await worklist.importFolder(input);
	assert.equal(report.imported, 3, report.summary);
	assert.equal(report.failed, 1);
	assert.match(report.errors.join('\n'), /readme\.txt.*Not a DICOM file/);
	await worklist.waitForTotal(2);
	assert.equal(await worklist.rows.count(), 2);
	await page.screenshot({ path: path.join(testOutputDir, 'studies-worklist.png') });

	await worklist.search('Doe');
	await worklist.waitForTotal(1);
	await worklist.search('');
	await worklist.waitForTotal(2);
	// The status toggles: no study is signed yet; both are new; none pressed shows all again.
	const toggle = async (status: string, total: number) => {
		await page.getByTestId(`filter-${status}`).click();
		await worklist.waitForTotal(total);
	};
	await toggle('signed', 0);
	assert.equal(await page.getByTestId('filter-signed').getAttribute('aria-pressed'), 'true');
	await toggle('new', 2);
	await toggle('signed', 2);
	await toggle('new', 2);
	assert.equal(await page.getByTestId('filter-new').getAttribute('aria-pressed'), 'false');

	// Sorted by patient name, Doe comes first: open it with the keyboard.
	await page.getByTestId('sort-patientName').click();
	await page.locator('[data-testid="worklist-row"]').first().filter({ hasText: 'Doe, Jane' }).waitFor();
	await worklist.openWithKeyboard(0);

	const viewer = new ViewerPage(page);
	await viewer.waitForImage();
	assert.equal(await viewer.thumbnails.count(), 2, 'PA and lateral thumbnails');
	const overlay = await viewer.overlayText();
	assert.match(overlay, /Doe, Jane/);
	assert.match(overlay, /2024-01-02/);
	assert.match(overlay, /PA/);
	assert.equal(await viewer.windowLevel(), '2048/4096', 'starts with the window from the file');

	await viewer.dragWindowLevel(-150, 60);
	const after = await viewer.waitForWindowLevelChange('2048/4096');
	const [level, width] = after.split('/').map(Number);
	assert.ok(width! < 4096 && level! > 2048, `drag left narrows the window and down raises the level: ${after}`);
	assert.match(await viewer.probeAtCentre(), /^x \d+ y \d+: \d+$/);

	const zoom = await viewer.zoom();
	await page.getByTestId('zoom-in').click();
	assert.ok((await viewer.waitForZoomAbove(zoom)) > zoom);
	await page.getByTestId('invert').click();
	await page.getByTestId('overlay-wl').filter({ hasText: 'inverted' }).waitFor();
	await page.screenshot({ path: path.join(testOutputDir, 'studies-viewer.png') });
	await page.getByTestId('reset').click();
	await viewer.waitForWindowLevel('2048/4096');

	// The lateral view from its thumbnail.
	await viewer.thumbnails.nth(1).click();
	await viewer.waitForImage();
	await page.locator('.viewer-overlay').filter({ hasText: 'LL · image 2/2' }).waitFor();

	// Next study from the viewer, then back to the worklist.
	await page.getByTestId('next-study').click();
	await page.locator('[data-testid="viewer"]').filter({ hasText: 'Roe, Richard' }).waitFor();
	await viewer.waitForImage();
	await page.keyboard.press('Escape');
	await worklist.waitForTotal(2);
	assert.deepEqual(errors, []);
});

test('files dropped on the window are uploaded and imported; a multi-frame image steps through frames', async () => {
	const dir = tempDir('radialog-e2e-drop-');
	const a = makeDicomFixture(path.join(dir, 'a.dcm'), 'dx8', { patient: 'Dropped^Dora', pid: 'E2E-3' });
	const m = makeDicomFixture(path.join(dir, 'm.dcm'), 'multiframe', { patient: 'Multi^Frame', pid: 'E2E-4' });
	const worklist = new WorklistPage(page);
	await worklist.dropFiles([
		{ name: 'a.dcm', bytes: fs.readFileSync(a) },
		{ name: 'm.dcm', bytes: fs.readFileSync(m) },
		{ name: 'broken.dcm', bytes: Buffer.from('DICM?') },
	]);
	const report = page.getByTestId('import-report');
	await report.waitFor();
	assert.equal(await report.getAttribute('data-imported'), '2');
	assert.equal(await report.getAttribute('data-failed'), '1');
	await page.getByTestId('import-report-close').click();
	await worklist.waitForTotal(4);

	await worklist.search('Multi');
	await worklist.waitForTotal(1);
	await worklist.openWithKeyboard(0);
	const viewer = new ViewerPage(page);
	await viewer.waitForImage();
	assert.equal(await page.getByTestId('frame-counter').innerText(), 'Frame 1/3');
	await viewer.dragWindowLevel(-100, 0);
	const wl = await viewer.waitForWindowLevelChange('2048/4096');
	await page.getByTestId('next-frame').click();
	await page.getByTestId('frame-counter').filter({ hasText: 'Frame 2/3' }).waitFor();
	await page.locator('[data-testid="viewport"][data-loaded="true"][data-rendered="true"]').waitFor();
	assert.equal(await viewer.windowLevel(), wl, 'the next frame keeps the window');
	await page.keyboard.press('Escape');
	await worklist.search('');
});
