import type { Browser, Page } from 'playwright-core';
import { startServedWorkstation, type ServedWorkstation } from '../../helpers/startServedWorkstation.js';
import { launchChromium } from './browser.js';

export interface ServedPage {
	readonly served: ServedWorkstation;
	readonly browser: Browser;
	readonly page: Page;
}

/**
 * What every UI test starts from: the workstation served on `dataDir` as `npm start` serves it, with its
 * DICOM receiver off (so runs never compete for the port), and one Chromium page of `viewport`'s size.
 */
export async function openServedPage(dataDir: string, viewport = { width: 1600, height: 950 }): Promise<ServedPage> {
	process.env.RADIALOG_RECEIVER_PORT = 'off';
	const served = await startServedWorkstation(dataDir);
	const browser = await launchChromium();
	return { served, browser, page: await browser.newPage({ viewport }) };
}

/** Ends what openServedPage started; either may be missing when the start failed part way. */
export async function closeServedPage(browser?: Browser, served?: ServedWorkstation): Promise<void> {
	await browser?.close();
	await served?.stop();
	delete process.env.RADIALOG_RECEIVER_PORT;
}
