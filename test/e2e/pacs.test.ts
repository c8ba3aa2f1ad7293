// The PACS through the UI alone: studies are on a real Orthanc (put there through Orthanc's own REST API);
// the reader adds the PACS in Settings, tests the connection, searches it from the worklist, opens a study
// that is only on the PACS, watches it being retrieved, and reads it with its image and a draft.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { generatePhantomStudies } from '../../src/node/phantoms/generatePhantomStudies.js';
import { testModelsDir } from '../fixtures/testModels.js';
import { OrthancPeer } from '../helpers/OrthancPeer.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir } from '../helpers/tempDir.js';
import { PacsPage } from './pages/PacsPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { ViewerPage } from './pages/ViewerPage.js';
import { WorkstationPage } from './pages/WorkstationPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';
const demoModels = path.resolve('models/demo');
const haveDemo = fs.existsSync(path.join(demoModels, 'manifest.json'));
let orthanc: OrthancPeer;
let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: `/tmp/pacs-${name}.png` });

before(async () => {
	if (skip) return;
	const phantoms = tempDir('radialog-e2e-pacs-phantoms-');
	const truth = generatePhantomStudies({ outDir: phantoms, count: 2, firstSeed: 21, size: 512 });
	orthanc = await OrthancPeer.start();
	await orthanc.storeFiles(truth.map((t) => path.join(phantoms, t.file)));
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-pacs-data-')));
});
after(async () => {
	await closeServedPage(browser, served);
	await orthanc?.dispose();
});

test(
	'add the PACS in Settings, search it from the worklist, open a study on it: retrieved, shown, drafted',
	{ skip },
	async () => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		const shell = new WorkstationPage(page);
		await shell.open(served.url);
		await shell.waitForWorklistLoaded();
		const pacs = new PacsPage(page);

		await pacs.openSettings();
		const i = await pacs.addPacs('pacs.example');
		assert.equal(await pacs.testRefused(i, 'baseUrl'), 'Enter a full http:// or https:// address');
		await pacs.typeAddress(i, orthanc.dicomWebUrl);
		assert.equal(await pacs.testConnection(i), 'Connected');
		await pacs.fillSetting('Model set folder', haveDemo ? demoModels : testModelsDir());
		await shot('1-settings');
		await pacs.save();

		await pacs.searchPacs();
		assert.deepEqual(await pacs.whereEach(), ['pacs', 'pacs']);
		await shot('2-search');
		await pacs.openWithKeyboard(1);
		await pacs.retrieveProgress.first().waitFor();
		await shot('3-retrieving');

		const viewer = new ViewerPage(page);
		await viewer.waitForImage();
		const report = new ReportPage(page);
		await report.root.waitFor();
		await report.waitReady();
		assert.ok((await report.findingsText.inputValue()).trim().length > 0, 'the study opens with a draft');
		await shot('4-opened');

		// Back on the worklist the study is local; the PACS search says so and opens it without retrieving.
		await page.keyboard.press('Escape');
		await shell.waitForWorklistLoaded();
		await shell.rows.first().waitFor();
		await pacs.searchPacs();
		assert.deepEqual((await pacs.whereEach()).sort(), ['local', 'pacs']);
		await shot('5-local');
		assert.deepEqual(errors, []);
	},
);
