import type { Locator, Page } from 'playwright-core';

/** The outbox as the reader sees it: the status bar's indicator and the panel it opens. */
export class OutboxPage {
	constructor(private readonly page: Page) {}

	get indicator(): Locator {
		return this.page.getByTestId('outbox-indicator');
	}

	/** Waits until the indicator counts `attention` items needing attention. */
	async waitForAttention(attention: number): Promise<void> {
		await this.page.locator(`[data-testid="outbox-indicator"][data-attention="${attention}"]`).waitFor();
	}

	async open(): Promise<Locator> {
		await this.indicator.click();
		const panel = this.page.getByTestId('outbox-panel');
		await panel.waitFor();
		return panel;
	}

	get items(): Locator {
		return this.page.getByTestId('outbox-item');
	}

	async waitForItemState(state: 'waiting' | 'delivered' | 'attention'): Promise<Locator> {
		const item = this.page.locator(`[data-testid="outbox-item"][data-state="${state}"]`).first();
		await item.waitFor();
		return item;
	}

	async retry(item: Locator): Promise<void> {
		await item.getByTestId('outbox-retry').click();
	}

	async close(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page.getByTestId('outbox-panel').waitFor({ state: 'detached' });
	}
}
