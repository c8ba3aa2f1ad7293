import type { Locator, Page } from 'playwright-core';

/** Page object for applying over edits, undoing it, the sign dialog and the handout override. */
export class SignFlowPage {
	constructor(readonly page: Page) {}

	get applyDialog(): Locator {
		return this.page.getByTestId('apply-dialog');
	}
	get signDialog(): Locator {
		return this.page.getByTestId('sign-dialog');
	}
	get status(): Promise<string | null> {
		return this.page.getByTestId('report-status').getAttribute('data-status');
	}

	/** The first-run step, typed as a reader does: name, (no credentials), export folder, Enter. */
	async firstRun(name: string, exportFolder: string): Promise<void> {
		await this.page.getByTestId('first-run').waitFor();
		await this.page.keyboard.type(name);
		await this.page.keyboard.press('Tab');
		await this.page.keyboard.press('Tab');
		await this.page.keyboard.type(exportFolder);
		await this.page.keyboard.press('Enter');
		await this.page.locator('[data-testid="worklist"][data-loaded="true"]').waitFor();
	}

	/** Alt+F to the findings, arrows to the row, a key: 'a' accepts, 'r' rejects. */
	async decide(label: string, key: 'a' | 'r'): Promise<void> {
		await this.page.keyboard.press('Alt+f');
		await this.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'finding-row');
		const rows = await this.page.getByTestId('finding-row').count();
		const focused = () => this.page.evaluate(() => document.activeElement?.getAttribute('data-label') ?? null);
		for (let i = 0; i < rows && (await focused()) !== label; i++) await this.page.keyboard.press('ArrowDown');
		await this.page.keyboard.press(key);
		const decision = key === 'a' ? 'accepted' : 'rejected';
		await this.page
			.locator(`[data-testid="finding-row"][data-label="${label}"][data-decision="${decision}"]`)
			.waitFor();
	}

	/** Types into a report field through the keyboard (Alt+E for the findings) and waits for the autosave. */
	async type(field: 'findings' | 'impression', text: string, o: { replace?: boolean } = {}): Promise<void> {
		await this.page.getByTestId(`${field}-text`).click();
		if (o.replace) await this.page.keyboard.press('Control+a');
		else await this.page.keyboard.press('Control+End');
		if (o.replace && !text) await this.page.keyboard.press('Delete');
		else await this.page.keyboard.type(text);
		await this.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
	}

	async waitIdle(): Promise<void> {
		await this.page.locator('[data-testid="report-pane"][data-busy=""]').waitFor({ timeout: 240_000 });
	}

	/** Ctrl+Enter; the sign dialog's warnings as [kind, serious] pairs. */
	async openSignDialog(): Promise<{ kind: string; serious: boolean; text: string }[]> {
		await this.page.keyboard.press('Control+Enter');
		await this.signDialog.waitFor();
		return this.signDialog.getByTestId('sign-warning').evaluateAll((els) =>
			els.map((e) => ({
				kind: e.getAttribute('data-kind')!,
				serious: e.getAttribute('data-serious') === 'true',
				text: e.textContent ?? '',
			})),
		);
	}

	async focusedTestId(): Promise<string | null> {
		return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
	}

	/** The audit log's rows as action and detail text. */
	async audit(): Promise<{ action: string; detail: string }[]> {
		await this.page.getByTestId('tab-history').click();
		await this.page.getByTestId('audit-row').first().waitFor();
		return this.page.getByTestId('audit-row').evaluateAll((els) =>
			els.map((e) => ({
				action: e.getAttribute('data-action')!,
				detail: e.querySelector('.rp-detail')?.textContent ?? '',
			})),
		);
	}
}
