import type { Locator, Page } from 'playwright-core';

/** Page object for the workstation shell: tests speak of the worklist, not of selectors. */
export class WorkstationPage {
	constructor(readonly page: Page) {}

	async open(url: string): Promise<void> {
		await this.page.goto(url);
		// Render signal, not a sleep: the app marks itself ready once the backend answered.
		await this.page.locator('[data-testid="app"][data-ready="true"]').waitFor();
		await this.skipFirstRun();
	}

	/** A fresh data folder opens on the first-run step; tests that set the reader by the API skip it. */
	async skipFirstRun(): Promise<void> {
		await this.page.locator('[data-testid="settings-host"][data-loaded="true"]').waitFor();
		const skip = this.page.getByTestId('first-run-skip');
		if (await skip.isVisible()) await skip.click();
	}

	get worklist(): Locator {
		return this.page.getByTestId('worklist');
	}

	async waitForWorklistLoaded(): Promise<void> {
		await this.page.locator('[data-testid="worklist"][data-loaded="true"]').waitFor();
	}

	get emptyWorklist(): Locator {
		return this.page.getByTestId('worklist-empty');
	}

	get rows(): Locator {
		return this.page.getByTestId('worklist-row');
	}
}
