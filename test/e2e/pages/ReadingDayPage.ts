import type { Page } from 'playwright-core';

/** Steps of the reading day that cross panes: first run, the queue's work, typing, exports. */
export class ReadingDayPage {
	constructor(readonly page: Page) {}

	/** The first-run step, by keyboard: its name field has the focus, Tab moves on, Enter saves. */
	async firstRun(o: { name: string; credentials: string; exportFolder: string }): Promise<void> {
		await this.page.getByTestId('first-run').waitFor();
		await this.page.waitForFunction(() => document.activeElement?.id === 'firstrun-readerName');
		await this.page.keyboard.type(o.name);
		await this.page.keyboard.press('Tab');
		await this.page.keyboard.type(o.credentials);
		await this.page.keyboard.press('Tab');
		await this.page.keyboard.type(o.exportFolder);
		await this.page.keyboard.press('Enter');
		await this.page.locator('[data-testid="worklist"][data-loaded="true"]').waitFor();
	}

	/** The status bar shows the background queue drafting (the render signal of its progress events). */
	async waitForQueueDrafting(): Promise<void> {
		await this.page.locator('[data-testid="status-bar"] [data-task="draft"][data-done="false"]').first().waitFor({
			timeout: 60_000,
		});
	}

	async negativeFindings(): Promise<string[]> {
		return this.page
			.locator('[data-testid="finding-row"][data-positive="false"]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')!));
	}

	/** Clicks into the Findings text, goes to its end and types; waits for the autosave of that text. */
	async typeAtEndOfFindings(text: string): Promise<void> {
		await this.typeAtEnd('findings-text', text);
	}

	async typeImpression(text: string): Promise<void> {
		await this.typeAtEnd('impression-text', text);
	}

	private async typeAtEnd(testId: string, text: string): Promise<void> {
		const field = this.page.getByTestId(testId);
		const before = await this.page.getByTestId('save-state').getAttribute('data-version');
		await field.click();
		await this.page.keyboard.press('Control+End');
		await this.page.keyboard.type(text);
		await this.page
			.locator(`[data-testid="save-state"][data-state="saved"]:not([data-version="${before}"])`)
			.waitFor();
	}

	/** The export tab's PDF and SR buttons, one after the other; returns the files the UI lists. */
	async exportPdfAndSr(): Promise<Record<string, string>> {
		await this.page.getByTestId('tab-export').click();
		const files: Record<string, string> = {};
		for (const format of ['pdf', 'sr']) {
			await this.page.getByTestId(`export-${format}`).click();
			const item = this.page.locator(`[data-testid="export-result"] li[data-format="${format}"] code`);
			await item.waitFor();
			files[format] = await item.innerText();
		}
		return files;
	}
}
