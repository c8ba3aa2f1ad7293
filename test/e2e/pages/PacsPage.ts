import type { Locator, Page } from 'playwright-core';

/** Page object for the PACS: its settings section and the worklist's PACS search, as a reader uses them. */
export class PacsPage {
	constructor(readonly page: Page) {}

	get settingsScreen(): Locator {
		return this.page.getByTestId('settings-screen');
	}

	async openSettings(): Promise<void> {
		await this.page.getByTestId('open-settings').click();
		await this.settingsScreen.waitFor();
	}

	/** Adds a PACS and types its address; returns its index in the list. */
	async addPacs(address: string): Promise<number> {
		const before = await this.page.getByTestId('settings-pacs-card').count();
		await this.page.getByTestId('settings-pacs-add').click();
		await this.page.locator(`#pacs-${before}-name:focus`).waitFor();
		await this.page.locator(`#pacs-${before}-baseUrl`).fill(address);
		return before;
	}

	async typeAddress(index: number, address: string): Promise<void> {
		await this.page.locator(`#pacs-${index}-baseUrl`).fill(address);
	}

	fieldError(index: number, field: string): Locator {
		return this.page.getByTestId(`settings-pacs-${index}-${field}-error`);
	}

	/** Presses Test connection on an address the form refuses: the field says why, nothing is sent. */
	async testRefused(index: number, field: string): Promise<string> {
		await this.page.getByTestId(`settings-pacs-${index}-test`).click();
		return this.fieldError(index, field).innerText();
	}

	/** Presses Test connection and waits for the answer in words. */
	async testConnection(index: number): Promise<string> {
		await this.page.getByTestId(`settings-pacs-${index}-test`).click();
		const result = this.page.getByTestId(`settings-pacs-${index}-test-result`);
		await this.page.waitForFunction(
			(el) => !!el && el.textContent !== '' && el.textContent !== 'Testing…',
			await result.elementHandle(),
		);
		return result.innerText();
	}

	async fillSetting(label: string, value: string): Promise<void> {
		await this.settingsScreen.getByLabel(label, { exact: true }).fill(value);
	}

	async save(): Promise<void> {
		await this.page.getByTestId('settings-save').click();
		await this.settingsScreen.waitFor({ state: 'detached' });
	}

	/** From the worklist: the PACS search, searching by patient name (empty: everything). */
	async searchPacs(name = ''): Promise<void> {
		await this.page.getByTestId('pacs-search-toggle').click();
		const box = this.page.getByTestId('pacs-search-name');
		await box.fill(name);
		await box.press('Enter');
		await this.page.locator('[data-testid="pacs-search-count"]:not(:empty)').waitFor();
	}

	get rows(): Locator {
		return this.page.getByTestId('pacs-row');
	}

	/** Where each hit is: 'local', 'pacs' or 'conflict', top to bottom. */
	async whereEach(): Promise<string[]> {
		return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-where') ?? ''));
	}

	/** Moves to the hit with the arrow keys and opens it with Enter, as a reader does. */
	async openWithKeyboard(downPresses: number): Promise<void> {
		await this.page.getByTestId('pacs-results').focus();
		for (let i = 0; i < downPresses; i++) await this.page.keyboard.press('ArrowDown');
		await this.page
			.locator(`[data-testid="pacs-row"]:nth-child(${downPresses + 1})[aria-selected="true"]`)
			.waitFor();
		await this.page.keyboard.press('Enter');
	}

	/** The status bar's retrieval progress (it stays a moment after the study is complete). */
	get retrieveProgress(): Locator {
		return this.page.locator('[data-testid="status-bar"] [data-task="retrieve"]');
	}
}
