import type { Locator, Page } from 'playwright-core';

/** Page object for the priors list's studies on the PACS: marked, retrieved when chosen, and its notes. */
export class PacsPriorsPage {
	constructor(readonly page: Page) {}

	/** The entries of studies still only on the PACS. */
	get onPacs(): Locator {
		return this.page.locator('[data-testid="prior-item"][data-source="pacs"]');
	}
	get local(): Locator {
		return this.page.locator('[data-testid="prior-item"][data-source="local"]');
	}
	/** The lines under the list naming a place that could not be searched. */
	get notes(): Locator {
		return this.page.getByTestId('priors-note');
	}
	/** The status bar's retrieval progress (it stays a moment after the study is complete). */
	get retrieveProgress(): Locator {
		return this.page.locator('[data-testid="status-bar"] [data-task="retrieve"]');
	}

	/** Chooses the PACS entry dated `date` (YYYY-MM-DD) with the keyboard: focus, Enter. */
	async choose(date: string): Promise<void> {
		const item = this.onPacs.filter({ hasText: date });
		await item.focus();
		await this.page.keyboard.press('Enter');
	}
}
