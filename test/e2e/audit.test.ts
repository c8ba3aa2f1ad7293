// A data folder whose audit log was edited around the database's guards before the app started (the
// fault injected here directly in SQLite): the reader sees a red notice naming the first broken row.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { beforeChainDatabase } from '../../src/node/store/beforeChainDatabase.js';
import { openDatabase } from '../../src/node/store/openDatabase.js';
import type { ServedWorkstation } from '../helpers/startServedWorkstation.js';
import { tempDir, testOutputDir } from '../helpers/tempDir.js';
import { AuditPage } from './pages/AuditPage.js';
import { closeServedPage, openServedPage } from './pages/servedPage.js';

let served: ServedWorkstation;
let browser: Browser;
let page: Page;

before(async () => {
	const dataDir = tempDir('radialog-e2e-audit-data-');
	const file = path.join(dataDir, 'workstation.sqlite');
	beforeChainDatabase(file);
	const db = openDatabase(file);
	db.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit_log WHERE id = 2');
	db.close();
	({ served, browser, page } = await openServedPage(dataDir));
});
after(() => closeServedPage(browser, served));

test('a tampered audit log shows a persistent red notice naming the first broken row', async () => {
	await page.goto(served.url);
	await page.locator('[data-testid="app"][data-ready="true"]').waitFor();
	const notice = await new AuditPage(page).notice();
	assert.equal(await notice.getAttribute('role'), 'alert');
	assert.match(await notice.innerText(), /audit row 3 does not hold \(row 2 is missing before row 3: deleted\)/);
	await page.screenshot({ path: path.join(testOutputDir, 'audit-tampered.png') });
	// Still there after a reload: the break is not a passing message.
	await page.reload();
	await new AuditPage(page).notice();
});
