import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeDicomFixture } from '../helpers/dicomFixtures.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { BannerPage } from './pages/BannerPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { WorkstationPage } from './pages/WorkstationPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

// Only clicks and keys: the worklist sorts names as a telephone book does, whatever their case and accents.
let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const input = tempDir('radialog-e2e-orders-in-');
const patients = [
	['OR-1', 'MÜLLER^Carl'],
	['OR-2', 'de Vries^Anna'],
	['OR-3', 'Muller^Bernd'],
	['OR-4', 'Adams^Zoe'],
	['OR-5', 'müller^Dora'],
] as const;

before(async () => {
	for (const [pid, patient] of patients) makeDicomFixture(path.join(input, `${pid}.dcm`), 'dx16', { patient, pid });
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-orders-'), { width: 1400, height: 700 }));
});
after(() => closeServedPage(browser, served));

test('names sort as in a telephone book; a name search keeps that order; newest arrival first', async () => {
	const shell = new WorkstationPage(page);
	const worklist = new WorklistPage(page);
	const banner = new BannerPage(page);
	await shell.open(served.url);
	await shell.waitForWorklistLoaded();
	assert.equal((await worklist.importFolder(input)).imported, patients.length);
	await worklist.waitForTotal(patients.length);
	const id = Object.fromEntries(
		await Promise.all(patients.map(async ([pid]) => [pid, await banner.studyIdOf(pid)] as const)),
	);
	// The default order: the newest arrival (the highest study id) on top.
	const arrival = Object.values(id).sort((a, b) => Number(b) - Number(a));
	assert.deepEqual(await banner.rowOrder(), arrival);

	await banner.sortBy('patientName');
	assert.equal(await worklist.sortOrder('Patient'), 'ascending');
	const byName = ['OR-4', 'OR-2', 'OR-3', 'OR-1', 'OR-5'].map((p) => id[p]);
	await page.locator(`[data-testid="worklist-row"][style*="top: 0px"][data-study-id="${id['OR-4']}"]`).waitFor();
	assert.deepEqual(await banner.rowOrder(), byName, 'Adams, de Vries, then the three Müllers by first name');

	await worklist.search('mul');
	await worklist.waitForTotal(3);
	assert.deepEqual(await banner.rowOrder(), byName.slice(2));
	await page.screenshot({ path: path.join(testOutputDir, 'orders-name-search.png') });
});
