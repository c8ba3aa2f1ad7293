// The faithfulness guard through the UI alone (first-run step, demo studies, demo models; no API call sets
// any state): an assistant answer quoting the report with words it no longer contains carries one mark,
// "not in the report"; a handout that contradicts the report is shown inline, and exporting it anyway
// leaves its reason in the audit log the History tab shows.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { GuardPage } from './pages/GuardPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { SignFlowPage } from './pages/SignFlowPage.js';
import { WorklistPage } from './pages/WorklistPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

let served: ServedWorkstation;
let browser: Browser;
let page: Page;
const shot = (name: string) => page.screenshot({ path: path.join(testOutputDir, `guard-${name}.png`) });

before(async () => {
	({ served, browser, page } = await openServedPage(tempDir('radialog-e2e-guard-data-')));
});
after(() => closeServedPage(browser, served));

const title = 'a quote not in the report is marked once; the handout warning and its override reach the audit view';
test(title, async () => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(served.url);
	await new SignFlowPage(page).firstRun('Dr. Guard', tempDir('radialog-e2e-guard-exports-'));
	const worklist = new WorklistPage(page);
	await worklist.loadDemoStudies();
	await worklist.openWithKeyboard(0);
	const report = new ReportPage(page);
	await report.root.waitFor();
	await report.waitReady();
	const guard = new GuardPage(page);

	// "Why …?" about a finding of the draft: the model answers by quoting the report.
	const answer = await guard.askWhy();
	const said = await answer.locator('.rp-msg-text').innerText();
	assert.match(said, /"[^"]{10,}"/, `a quoted passage: ${said}`);
	await shot('1-answer');
	// The reader rewrites the Findings: the quoted words are no longer the report's.
	await guard.rewriteFindings('Reader rewrite: no acute cardiopulmonary process.');
	await page.getByTestId('tab-chat').click();
	const mark = guard.marks(guard.answer('RE'));
	await mark.filter({ hasText: 'not in the report' }).waitFor();
	assert.equal(await mark.count(), 1, 'one mark per answer');
	assert.equal((await mark.innerText()).trim(), '⚠ not in the report');
	assert.match((await mark.getAttribute('aria-label')) ?? '', /A quoted passage is not in the report/);
	await shot('2-not-in-the-report');

	// The handout says what the report does not: shown inline before export.
	const lines = await guard.writeHandout(
		'Your X-ray shows a large amount of fluid around the right lung.',
		/fluid around the right lung/,
	);
	assert.ok(
		lines.some((l) => /fluid around the right lung.*is not in the report/.test(l)),
		lines.join('\n'),
	);
	assert.equal(await page.getByTestId('export-handout').count(), 0, 'no plain export over a contradiction');
	assert.equal(await page.getByTestId('export-handout-override').isDisabled(), true, 'a reason is needed');
	await shot('3-handout-warning');
	await guard.exportHandoutAnyway('Clinician asked for this wording after bedside ultrasound.');

	// The History tab shows the override with its reason.
	const row = await guard.auditRow('handout_override');
	assert.ok(await row.isVisible());
	const detail = await row.innerText();
	assert.match(detail, /bedside ultrasound/);
	assert.match(detail, /Pleural Effusion/);
	await shot('4-override-audited');
	assert.deepEqual(errors, []);
});
