// The patient's earlier study on the PACS, through the UI alone: the study is on a real Orthanc (put there
// through Orthanc's own REST API), the current one is imported; the reader adds the PACS in Settings, opens
// the current study, sees the PACS prior marked "on PACS", chooses it, and it is retrieved and compared.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { testModelsDir } from '../fixtures/testModels.js';
import { makeDicomFixture } from '../helpers/dicomFixtures.js';
import { OrthancPeer } from '../helpers/OrthancPeer.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir } from '../helpers/tempDir.js';
import { PacsPage } from './pages/PacsPage.js';
import { PacsPriorsPage } from './pages/PacsPriorsPage.js';
import { PriorsPage } from './pages/PriorsPage.js';
import { ViewerPage } from './pages/ViewerPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { WorkstationPage } from './pages/WorkstationPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

const skip = OrthancPeer.available() ? false : 'Orthanc is not installed';
const demoModels = path.resolve('models/demo');
const haveDemo = fs.existsSync(path.join(demoModels, 'manifest.json'));
let orthanc: OrthancPeer;
let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const input = tempDir('radialog-e2e-pacs-priors-in-');
const onPacs = tempDir('radialog-e2e-pacs-priors-pacs-');

before(async () => {
	if (skip) return;
	const jane = { patient: 'Doe^Jane', pid: 'PP-1', birth: '19600101', sex: 'F', description: 'Chest PA' };
	makeDicomFixture(path.join(input, 'current.dcm'), 'dx16', {
		...jane,
		date: '20250110',
		accession: 'CURR-P',
		rows: 96,
		cols: 80,
	});
	orthanc = await OrthancPeer.start();
	await orthanc.storeFiles([
		makeDicomFixture(path.join(onPacs, 'prior.dcm'), 'dx16', { ...jane, date: '20240301', accession: 'PRIOR-P' }),
		// Another woman of the same name on the PACS: never Jane's prior.
		makeDicomFixture(path.join(onPacs, 'namesake.dcm'), 'dx16', {
			...jane,
			pid: 'PP-2',
			date: '20240601',
			accession: 'OTHER-P',
		}),
	]);
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-pacs-priors-data-'), {
		width: 1600,
		height: 950,
	}));
});
after(async () => {
	await closeServedPage(browser, served);
	await orthanc?.dispose();
});

/** Finds the study by its accession in the search box and opens it with Enter. */
async function open(accession: string, date: string): Promise<void> {
	const worklist = new WorklistPage(page);
	await worklist.search(accession);
	await worklist.waitForTotal(1);
	await worklist.rows.filter({ hasText: date }).waitFor();
	await worklist.openWithKeyboard(0);
	await new ViewerPage(page).waitForImage();
}

test('the patient’s earlier study on the PACS: listed, chosen, retrieved, shown side by side', { skip }, async () => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const shell = new WorkstationPage(page);
	await shell.open(served.url);
	await shell.waitForWorklistLoaded();
	const pacs = new PacsPage(page);
	await pacs.openSettings();
	const i = await pacs.addPacs(orthanc.dicomWebUrl);
	assert.equal(await pacs.testConnection(i), 'Connected');
	await pacs.fillSetting('Model set folder', haveDemo ? demoModels : testModelsDir());
	await pacs.save();
	const imported = await new WorklistPage(page).importFolder(input);
	assert.equal(imported.imported, 1, imported.summary);

	await open('CURR-P', '2025-01-10');
	const priors = new PriorsPage(page);
	const pacsPriors = new PacsPriorsPage(page);
	await pacsPriors.onPacs.first().waitFor();
	assert.equal(await priors.items.count(), 1, 'only Jane PP-1’s study, not her namesake’s');
	assert.match(await pacsPriors.onPacs.innerText(), /2024-03-01[\s\S]*on PACS/);
	await page.screenshot({ path: '/tmp/pacs-prior-listed.png' });

	await pacsPriors.choose('2024-03-01');
	await pacsPriors.retrieveProgress.first().waitFor();
	await priors.comparison.waitFor();
	await priors.waitForBothImages();
	assert.equal(await priors.label('prior').innerText(), 'PRIOR 2024-03-01');
	assert.equal(await priors.label('current').innerText(), 'CURRENT 2025-01-10');
	// Retrieved, the prior is a local study now: listed once, as local, with its id.
	await pacsPriors.local.first().waitFor();
	assert.equal(await priors.items.count(), 1);
	const priorId = await pacsPriors.local.first().getAttribute('data-study-id');
	assert.ok(priorId, 'the retrieved prior has a local study id');
	assert.equal(await priors.comparison.getAttribute('data-prior-study-id'), priorId);
	await page.screenshot({ path: '/tmp/pacs-prior.png' });

	// The PACS down: the local prior is still listed, with a plain note under the list.
	await orthanc.stop();
	await page.keyboard.press('Escape');
	await priors.comparison.waitFor({ state: 'detached' });
	await page.keyboard.press('Escape');
	await shell.waitForWorklistLoaded();
	await open('CURR-P', '2025-01-10');
	await pacsPriors.notes.first().waitFor();
	assert.match(await pacsPriors.notes.first().innerText(), /^PACS not reachable: The PACS at .* did not answer/);
	assert.equal(await pacsPriors.local.count(), 1);
	await page.screenshot({ path: '/tmp/pacs-prior-down.png' });
	assert.deepEqual(errors, []);
});
