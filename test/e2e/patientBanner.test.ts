import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeDicomFixture } from '../helpers/dicomFixtures.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { BannerPage } from './pages/BannerPage.js';
import { ViewerPage } from './pages/ViewerPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { WorkstationPage } from './pages/WorkstationPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

// Only clicks and keys, as a radiologist reads: no API call sets any state here.
let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const input = tempDir('radialog-e2e-banner-in-');
const shot = (name: string) => page.screenshot({ path: path.join(testOutputDir, `banner-${name}.png`) });

before(async () => {
	// The modality's PatientAge (050Y) is stale: the banner shows the age computed from the birth date.
	makeDicomFixture(path.join(input, 'doe.dcm'), 'dx16', {
		patient: 'Doe^Jane^Ann=ドウ^ジェーン',
		pid: 'BN-1',
		birth: '19540307',
		date: '20250401',
		sex: 'F',
		age: '050Y',
		accession: 'ACC-7731',
		description: 'Chest PA',
		referrer: 'House^Gregory',
	});
	makeDicomFixture(path.join(input, 'muller.dcm'), 'dx16', {
		patient: 'Müller^Hans',
		pid: 'BN-2',
		birth: '19800101',
		sex: 'M',
	});
	makeDicomFixture(path.join(input, 'zed.dcm'), 'mono1', { patient: 'Zed^Zoe', pid: 'BN-3', date: '20230505' });
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-banner-'), { width: 1500, height: 900 }));
	page.on('pageerror', (e) => errors.push(e.message));
});
after(() => closeServedPage(browser, served));

test('priority from the worklist, every sort, selection kept by study; the banner names the patient', async () => {
	const shell = new WorkstationPage(page);
	const worklist = new WorklistPage(page);
	const banner = new BannerPage(page);
	const viewer = new ViewerPage(page);
	await shell.open(served.url);
	await shell.waitForWorklistLoaded();
	assert.equal((await worklist.importFolder(input)).imported, 3);
	await worklist.waitForTotal(3);
	const [doe, muller, zed] = await Promise.all(['BN-1', 'BN-2', 'BN-3'].map((id) => banner.studyIdOf(id)));

	// Names read FAMILY, Given; the search ignores case and diacritics.
	assert.match(await banner.rowOf('BN-2').innerText(), /MÜLLER, Hans/);
	await worklist.search('muller');
	await worklist.waitForTotal(1);
	await worklist.search('');
	await worklist.waitForTotal(3);

	// STAT for Zed, with the keyboard from the list.
	await banner.rowOf('BN-3').click();
	await worklist.waitForSelected(zed!);
	await worklist.body.focus();
	await banner.stepPriorityFromList(2);
	await banner.waitForRowPriority(zed!, 'stat');
	await worklist.waitForFocus('worklist-body');

	await banner.sortBy('priority');
	assert.equal(await worklist.sortOrder('Priority'), 'ascending');
	await page.waitForFunction(
		(id) =>
			document.querySelector('[data-testid="worklist-row"][style*="top: 0px"]')?.getAttribute('data-study-id') ===
			id,
		zed!,
	);
	// Müller (below Doe: same priority, imported later) made urgent moves above her: the selection follows
	// the study, not the row.
	await page.locator(`[data-testid="worklist-row"][style*="top: 60px"][data-study-id="${muller}"]`).waitFor();
	await banner.rowOf('BN-2').click();
	await worklist.waitForSelected(muller!);
	await worklist.body.focus();
	await banner.stepPriorityFromList(1);
	await banner.waitForRowPriority(muller!, 'urgent');
	await page.locator(`[data-testid="worklist-row"][style*="top: 30px"][data-study-id="${muller}"]`).waitFor();
	await worklist.waitForSelected(muller!);
	await shot('worklist-priority');

	// Every column sorts (a new order starts at its top row).
	for (const key of ['patientName', 'age', 'studyDate', 'modality', 'bodyPart', 'views', 'imageCount', 'status']) {
		await banner.sortBy(key);
		await page.locator(`[data-testid="sort-${key}"]`).filter({ hasText: /[▲▼]/ }).waitFor();
		await page.locator('[data-testid="worklist-body"][data-selected="0"]').waitFor();
	}
	// Oldest first: Doe's age comes from her birth date (71, not the 50 sent), Zed has only the 50 sent.
	await banner.sortBy('age');
	assert.equal(await worklist.sortOrder('Age/Sex'), 'descending');
	await page.locator(`[data-testid="worklist-row"][style*="top: 0px"][data-study-id="${doe}"]`).waitFor();
	assert.deepEqual(await banner.rowOrder(), [doe, zed, muller]);
	await banner.sortBy('patientId');
	await banner.sortBy('patientId');
	assert.equal(await worklist.sortOrder('ID'), 'descending');
	await page.locator(`[data-testid="worklist-row"][style*="top: 0px"][data-study-id="${zed}"]`).waitFor();
	assert.deepEqual(await banner.rowOrder(), [zed, muller, doe]);
	await worklist.body.focus();
	await page.keyboard.press('ArrowDown');
	await worklist.waitForSelected(muller!);
	await worklist.waitForPlaceSaved();

	await page.reload();
	await shell.waitForWorklistLoaded();
	await worklist.waitForSelected(muller!);
	assert.equal(await worklist.sortOrder('ID'), 'descending');
	assert.deepEqual(await banner.rowOrder(), [zed, muller, doe]);

	// Open Doe with the keyboard: the banner names her as a reader writes it.
	await worklist.body.focus();
	await page.keyboard.press('End');
	await worklist.waitForSelected(doe!);
	await page.keyboard.press('Enter');
	await page.locator(`[data-testid="viewer"][data-study-id="${doe}"]`).waitFor();
	await viewer.waitForImage();
	assert.equal(await banner.field('name'), 'DOE, Jane Ann');
	assert.equal(await banner.nameTooltip(), 'ドウ, ジェーン');
	assert.equal(await banner.field('birth-date'), '1954-03-07');
	assert.equal(await banner.field('age'), '71 y');
	assert.equal(await banner.field('sex'), 'Female');
	assert.equal(await banner.field('patient-id'), 'BN-1');
	assert.equal(await banner.field('accession'), 'ACC-7731');
	assert.equal(await banner.field('description'), 'Chest PA');
	assert.equal(await banner.field('referrer'), 'HOUSE, Gregory');
	await shot('study');

	// The banner sets the priority too; back on the worklist the row shows it.
	await page.getByTestId('banner-priority').focus();
	await page.keyboard.press('ArrowDown');
	await page.waitForFunction(
		() => document.querySelector<HTMLSelectElement>('[data-testid="banner-priority"]')?.value === 'urgent',
	);
	await viewer.viewport.click();
	await page.keyboard.press('Escape');
	await banner.waitForRowPriority(doe!, 'urgent');
	assert.deepEqual(errors, []);
});
