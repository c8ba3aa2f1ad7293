// The patient's priors beside the current study, through the UI alone: the studies come in through the
// import dialog, the prior is drafted by the demo models and signed with the keyboard, then compared.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeDicomFixture } from '../helpers/dicomFixtures.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { PriorsPage } from './pages/PriorsPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { SignFlowPage } from './pages/SignFlowPage.js';
import { ViewerPage } from './pages/ViewerPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const input = tempDir('radialog-e2e-priors-in-');
// Made here, not in the hook: a folder made inside `before` is removed when the hook ends.
const data = tempDir('radialog-e2e-priors-data-');
const exportsDir = tempDir('radialog-e2e-priors-exports-');
const shot = (name: string) => page.screenshot({ path: path.join(testOutputDir, `priors-${name}.png`) });

before(async () => {
	const jane = { patient: 'Doe^Jane', pid: 'PR-1', birth: '19600101', sex: 'F', description: 'Chest PA' };
	makeDicomFixture(path.join(input, 'prior.dcm'), 'dx16', { ...jane, date: '20240301', accession: 'PRIOR-1' });
	makeDicomFixture(path.join(input, 'current.dcm'), 'dx16', {
		...jane,
		date: '20250110',
		accession: 'CURR-1',
		rows: 96,
		cols: 80,
	});
	// Another woman of the same name: never her priors.
	makeDicomFixture(path.join(input, 'namesake.dcm'), 'dx16', {
		...jane,
		pid: 'PR-2',
		birth: '19700505',
		date: '20240601',
		accession: 'OTHER-1',
	});
	({ served, browser, page } = await openServedPage(data, { width: 1600, height: 950 }));
	page.on('pageerror', (e) => errors.push(e.message));
});
after(() => closeServedPage(browser, served));

/** Finds the study by its accession in the search box and opens it with Enter; the row shows its date. */
async function open(accession: string, date: string): Promise<ViewerPage> {
	const worklist = new WorklistPage(page);
	await worklist.search(accession);
	await worklist.waitForTotal(1);
	// The total was 1 for the last search too: wait for this study's row before opening it.
	await worklist.rows.filter({ hasText: date }).waitFor();
	await worklist.openWithKeyboard(0);
	const viewer = new ViewerPage(page);
	await viewer.waitForImage();
	return viewer;
}

test('a signed prior beside the current image: labelled, its report shown, window/level linked', async () => {
	await page.goto(served.url);
	await new SignFlowPage(page).firstRun('Dr. Prior Reader', exportsDir);
	const imported = await new WorklistPage(page).importFolder(input);
	assert.equal(imported.imported, 3, imported.summary);

	// The prior is drafted by the queue, edited and signed through the report pane.
	await open('PRIOR-1', '2024-03-01');
	const report = new ReportPage(page);
	await report.waitReady();
	await new SignFlowPage(page).type('findings', ' PRIOR MARKER: healed left rib fracture.');
	await report.sign();
	const priorId = await page.getByTestId('study-view').getAttribute('data-study-id');
	await page.locator('button[title="Back to the worklist (Esc)"]').click();

	// The current study lists only Jane Doe PR-1's other study, not her namesake's.
	await open('CURR-1', '2025-01-10');
	const priors = new PriorsPage(page);
	await priors.waitForList();
	assert.equal(await priors.items.count(), 1, await priors.list.innerText());
	assert.equal(await priors.items.first().getAttribute('data-study-id'), priorId);
	assert.equal(await priors.items.first().getAttribute('data-status'), 'signed');
	assert.match(await priors.items.first().innerText(), /2024-03-01/);

	// One click: the prior's frontal image beside the current one, each labelled, the prior's report below.
	await priors.items.first().click();
	await priors.comparison.waitFor();
	await priors.waitForBothImages();
	assert.equal(await priors.label('prior').innerText(), 'PRIOR 2024-03-01');
	assert.equal(await priors.label('current').innerText(), 'CURRENT 2025-01-10');
	assert.match(await priors.report.innerText(), /PRIOR MARKER: healed left rib fracture\./);
	assert.match(await priors.report.innerText(), /signed by Dr\. Prior Reader/);

	// A window/level drag on the current image moves the prior's window by the same amounts.
	const before = { current: await priors.windowLevel('current'), prior: await priors.windowLevel('prior') };
	await priors.dragWindowLevel('current', 120, -60);
	const current = await priors.waitForWindowLevelChange('current', before.current);
	const prior = await priors.waitForWindowLevelChange('prior', before.prior);
	const change = (from: string, to: string): [number, number] => {
		const [c0, w0] = from.split('/').map(Number);
		const [c1, w1] = to.split('/').map(Number);
		return [c1! - c0!, w1! - w0!];
	};
	const [dc, dw] = change(before.current, current);
	const [pc, pw] = change(before.prior, prior);
	assert.ok(dc !== 0 && dw !== 0, `the drag changed the current window: ${before.current} → ${current}`);
	assert.ok(Math.abs(dc - pc) <= 1 && Math.abs(dw - pw) <= 1, `current ${dc}/${dw}, prior ${pc}/${pw}`);

	// And the other way: the prior's drag moves the current's window; zoom (+) follows too.
	const priorBefore = await priors.windowLevel('prior');
	const currentBefore = await priors.windowLevel('current');
	await priors.dragWindowLevel('prior', -80, 0);
	await priors.waitForWindowLevelChange('prior', priorBefore);
	await priors.waitForWindowLevelChange('current', currentBefore);
	const zoom = { current: await priors.zoom('current'), prior: await priors.zoom('prior') };
	await page.keyboard.press('+');
	const zoomed = await priors.waitForZoomAbove('prior', zoom.prior);
	assert.ok(Math.abs(zoomed / zoom.prior - 1.25) < 0.01, `prior zoom ${zoom.prior} → ${zoomed}`);
	assert.ok(Math.abs((await priors.waitForZoomAbove('current', zoom.current)) / zoom.current - 1.25) < 0.01);
	await page.screenshot({ path: '/tmp/priors-side-by-side.png' });
	await shot('side-by-side');

	// Typing in the report while comparing is typing: P there is a letter, and Esc first only leaves the field.
	await report.waitReady();
	await report.findingsText.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(' p');
	assert.match(await report.findingsText.inputValue(), / p$/);
	assert.equal(await priors.comparison.count(), 1, 'P in the report did not close the comparison');
	await page.keyboard.press('Escape');
	await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'prior-compare');
	assert.equal(await priors.comparison.count(), 1, 'the first Esc only left the report');

	// Esc goes back to the single view (not to the worklist); P shows the newest prior again, Esc again back.
	await page.keyboard.press('Escape');
	await priors.comparison.waitFor({ state: 'detached' });
	const viewer = new ViewerPage(page);
	await viewer.waitForImage();
	await viewer.waitForFocus();
	await page.keyboard.press('p');
	await priors.comparison.waitFor();
	await page.getByTestId('prior-compare-close').click();
	await priors.comparison.waitFor({ state: 'detached' });
	await viewer.waitForImage();
	assert.deepEqual(errors, []);
});

test('a study whose patient has no other study says so, also for the namesake', async () => {
	await page.locator('button[title="Back to the worklist (Esc)"]').click();
	await open('OTHER-1', '2024-06-01');
	const priors = new PriorsPage(page);
	await priors.waitForList();
	assert.equal(await priors.items.count(), 0);
	assert.match(await priors.list.innerText(), /No other studies of this patient/);
	assert.deepEqual(errors, []);
});
