import type { Locator, Page } from 'playwright-core';

/** The audit chain's notice, as the reader sees it at the top of the window. */
export class AuditPage {
	constructor(private readonly page: Page) {}

	/** The red notice; waits until it is shown. */
	async notice(): Promise<Locator> {
		const n = this.page.getByTestId('audit-chain-notice');
		await n.waitFor();
		return n;
	}
}
