// Applying over the reader's edits, undoing it, the one sign dialog, and the handout override, through the
// UI alone (first-run step, demo studies and demo models): no API call sets any state.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { ReportPage } from './pages/ReportPage.js';
import { SignFlowPage } from './pages/SignFlowPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const exportsDir = tempDir('radialog-e2e-signflow-exports-');
const shot = (name: string) => page.screenshot({ path: path.join(testOutputDir, `signflow-${name}.png`) });

before(async () => {
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-signflow-data-')));
});
after(() => closeServedPage(browser, served));

test('apply over edits asks, undo restores; Enter never signs over serious warnings; handout override', async () => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(served.url);
	const flow = new SignFlowPage(page);
	await flow.firstRun('Dr. Sign Flow', exportsDir);
	const worklist = new WorklistPage(page);
	await worklist.loadDemoStudies();
	await worklist.openWithKeyboard(0);
	const report = new ReportPage(page);
	await report.root.waitFor();
	await report.waitReady();
	await shot('1-drafted');
	const firstStudy = await report.root.getAttribute('data-study-id');

	// A finding the draft was not written from, accepted: Apply has something to rewrite.
	const positive = await report.positiveFindings();
	const add = ['Fracture', 'Pneumothorax', 'Edema'].find((l) => !positive.includes(l))!;
	await flow.decide(add, 'a');
	await flow.type('findings', ' READER EDIT: old healed rib fracture.');
	const edited = await report.findingsText.inputValue();
	const editedImpression = await report.impressionText.inputValue();

	// Alt+A: the reader edited since the model wrote, so one dialog asks first; Esc cancels, nothing changes.
	await page.keyboard.press('Alt+a');
	await flow.applyDialog.waitFor();
	assert.equal(await flow.focusedTestId(), 'apply-cancel', 'the safe answer has the keyboard');
	await shot('2-apply-prompt');
	await page.keyboard.press('Escape');
	await flow.applyDialog.waitFor({ state: 'detached' });
	assert.equal(await report.findingsText.inputValue(), edited);
	assert.equal(await flow.focusedTestId(), 'findings-text', 'focus back in the editor');

	await page.keyboard.press('Alt+a');
	await flow.applyDialog.waitFor();
	await page.keyboard.press('Tab');
	assert.equal(await flow.focusedTestId(), 'apply-replace');
	await page.keyboard.press('Enter');
	await flow.applyDialog.waitFor({ state: 'detached' });
	await page.getByTestId('undo-apply').waitFor({ timeout: 240_000 });
	await flow.waitIdle();
	console.log(`edited: ${edited}\nrewritten: ${await report.findingsText.inputValue()}`);
	await shot('3-applied');

	// Alt+U: the text as it was before Apply comes back, as a new version.
	await page.keyboard.press('Alt+u');
	await page.getByTestId('undo-apply').waitFor({ state: 'detached' });
	await flow.waitIdle();
	assert.equal(await report.findingsText.inputValue(), edited, 'undo restores the edited findings');
	assert.equal(await report.impressionText.inputValue(), editedImpression);

	// No Impression: a serious warning. Enter does not sign; Esc goes back with the keyboard where it was.
	await flow.type('impression', '', { replace: true });
	let warnings = await flow.openSignDialog();
	await shot('4-sign-warnings');
	assert.ok(
		warnings.some((w) => w.kind === 'empty_impression' && w.serious),
		JSON.stringify(warnings),
	);
	assert.equal(await flow.focusedTestId(), 'sign-reviewed');
	await page.keyboard.press('Enter');
	await page.getByTestId('sign-enter-refused').waitFor();
	assert.equal(await flow.status, 'draft', 'Enter did not sign over a serious warning');
	assert.equal(await page.getByTestId('sign-confirm').isDisabled(), true);
	// Tab stays inside the dialog.
	for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
	assert.ok(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="sign-dialog"]')));
	await page.keyboard.press('Escape');
	await flow.signDialog.waitFor({ state: 'detached' });
	assert.equal(await flow.focusedTestId(), 'impression-text', 'focus restored to the report');
	assert.equal(await flow.status, 'draft');

	// Signing knowingly: tick, then "Sign with warnings"; the audit log keeps the listed warnings.
	assert.deepEqual(await flow.openSignDialog(), warnings, 'the same list');
	await page.keyboard.press('Space');
	await page.getByTestId('sign-confirm').click();
	await page.locator('[data-testid="report-status"][data-status="signed"]').waitFor();
	const audit = await flow.audit();
	await shot('5-audit-acknowledged');
	const ack = audit.find((a) => a.action === 'consistency_warning');
	assert.ok(ack, audit.map((a) => a.action).join());
	assert.match(ack.detail, /"acknowledged":true/);
	assert.match(ack.detail, /empty_impression/);
	for (const a of ['correct', 'undo_apply', 'sign'])
		assert.ok(
			audit.some((x) => x.action === a),
			a,
		);

	// The next study, made clean by the reader: Ctrl+Enter, then Enter signs.
	await page.keyboard.press('Escape');
	await worklist.openWithKeyboard(1);
	await page.locator(`[data-testid="report-pane"]:not([data-study-id="${firstStudy}"])`).waitFor();
	await report.waitReady();
	for (const label of await report.positiveFindings()) if (label !== 'No Finding') await flow.decide(label, 'r');
	await flow.type('findings', 'The lungs are clear.', { replace: true });
	await flow.type('impression', 'No acute cardiopulmonary abnormality.', { replace: true });
	warnings = await flow.openSignDialog();
	assert.deepEqual(
		warnings.filter((w) => w.serious),
		[],
	);
	await shot('6-clean-sign-dialog');
	await page.keyboard.press('Enter');
	await page.locator('[data-testid="report-status"][data-status="signed"]').waitFor();

	// A handout that contradicts the report: shown inline; exporting it needs a typed reason.
	await report.tab('export');
	await page.getByTestId('handout-generate').click();
	await page.getByTestId('handout-text').waitFor({ timeout: 240_000 });
	await flow.waitIdle();
	await page.getByTestId('handout-text').fill('Your X-ray shows a large pleural effusion on the right side.');
	await page.getByTestId('handout-save').click();
	// The check of the saved text, not the one still on screen from the drafted text.
	const effusion = page.getByTestId('handout-contradiction').filter({ hasText: /pleural effusion/i });
	await effusion.first().waitFor();
	assert.match(await effusion.first().innerText(), /pleural effusion/i);
	assert.equal(await page.getByTestId('export-handout').count(), 0, 'no plain export over a contradiction');
	assert.equal(await page.getByTestId('export-handout-override').isDisabled(), true, 'a reason is needed');
	await page.getByTestId('handout-override-reason').fill('Patient asked for the draft wording; discussed in person.');
	await page.getByTestId('export-handout-override').click();
	await page.locator('[data-testid="export-result"] li[data-format="handout"]').waitFor();
	await shot('7-handout-override');
	const audit2 = await flow.audit();
	const override = audit2.find((a) => a.action === 'handout_override');
	assert.ok(override, audit2.map((a) => a.action).join());
	assert.match(override.detail, /discussed in person/);
	assert.deepEqual(errors, []);
});
