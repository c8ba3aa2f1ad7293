import type { Locator, Page } from 'playwright-core';

/** Page object for the worklist: import, search, keyboard navigation, opening a study. */
export class WorklistPage {
	constructor(readonly page: Page) {}

	get root(): Locator {
		return this.page.getByTestId('worklist');
	}
	get rows(): Locator {
		return this.page.getByTestId('worklist-row');
	}
	get body(): Locator {
		return this.page.getByTestId('worklist-body');
	}

	async waitForTotal(n: number): Promise<void> {
		await this.page.locator(`[data-testid="worklist"][data-total="${n}"]`).waitFor();
	}

	/** Imports a folder on the server's disk through the "Import folder…" dialog; returns the report's summary line. */
	async importFolder(
		folder: string,
	): Promise<{ summary: string; imported: number; failed: number; errors: string[] }> {
		await this.page.getByTestId('import-folder').click();
		await this.page.getByTestId('import-path').fill(folder);
		await this.page.getByTestId('import-start').click();
		const report = this.page.getByTestId('import-report');
		await report.waitFor();
		const out = {
			summary: await this.page.getByTestId('import-summary').innerText(),
			imported: Number(await report.getAttribute('data-imported')),
			failed: Number(await report.getAttribute('data-failed')),
			errors: await this.page.locator('[data-testid="import-errors"] li').allInnerTexts(),
		};
		await this.page.getByTestId('import-report-close').click();
		return out;
	}

	/** Drops files on the window the way a file manager does (bytes only, no paths). */
	async dropFiles(files: { name: string; bytes: Buffer }[]): Promise<void> {
		const payload = files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
		await this.page.evaluate((items) => {
			const dt = new DataTransfer();
			for (const f of items)
				dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
			const target = document.querySelector('[data-testid="worklist"]')!;
			target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
			target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
		}, payload);
	}

	get searchBox(): Locator {
		return this.page.getByTestId('worklist-search');
	}
	get selectedRow(): Locator {
		return this.page.locator('[data-testid="worklist-row"][aria-selected="true"]');
	}

	async selectedStudyId(): Promise<string> {
		return (await this.selectedRow.getAttribute('data-study-id')) ?? '';
	}

	/** The keyboard's place, as the document reports it: no clicks to help it. */
	async waitForFocus(testId: 'worklist-body' | 'worklist-search'): Promise<void> {
		await this.page.waitForFunction((t) => document.activeElement?.getAttribute('data-testid') === t, testId);
	}

	async waitForSelected(studyId: string): Promise<void> {
		await this.page
			.locator(`[data-testid="worklist-row"][aria-selected="true"][data-study-id="${studyId}"]`)
			.waitFor();
	}

	/** The workstation holds the latest selection, sort and filters: a reload comes back to them. */
	async waitForPlaceSaved(): Promise<void> {
		await this.page.locator('[data-testid="worklist"][data-place-saved="true"]').waitFor();
	}

	async sortOrder(label: string): Promise<string | null> {
		return this.page.getByRole('columnheader', { name: label }).getAttribute('aria-sort');
	}

	/** The empty worklist's "Load demo studies" button, then the import report closed with its button. */
	async loadDemoStudies(): Promise<void> {
		await this.page.getByTestId('load-demo-studies').click();
		await this.page.getByTestId('import-report').waitFor({ timeout: 180_000 });
		await this.page.getByTestId('import-report-close').click();
	}

	async search(text: string): Promise<void> {
		await this.page.getByLabel('Search studies').fill(text);
	}

	/** Selects with the keyboard and opens with Enter, as a reader does. */
	async openWithKeyboard(downPresses: number): Promise<void> {
		// Render signals first: the list is loaded and the restored selection is on screen, so the
		// arrows move from where the reader sees the selection, not from a row about to be replaced.
		await this.page.locator('[data-testid="worklist"][data-loaded="true"]').waitFor();
		await this.selectedRow.waitFor();
		await this.body.focus();
		const from = Number(await this.body.getAttribute('data-selected'));
		for (let i = 0; i < downPresses; i++) await this.page.keyboard.press('ArrowDown');
		await this.page.locator(`[data-testid="worklist-body"][data-selected="${from + downPresses}"]`).waitFor();
		await this.page.keyboard.press('Enter');
	}
}
