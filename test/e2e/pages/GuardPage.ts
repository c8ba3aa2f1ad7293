import type { Locator, Page } from 'playwright-core';

/**
 * Page object for the faithfulness guard as the reader meets it: the warning mark on an assistant
 * answer, the handout's contradictions and its override, and the override's row in the audit log.
 */
export class GuardPage {
	constructor(readonly page: Page) {}

	private answers(task: string): Locator {
		return this.page.locator(`[data-testid="chat-message"][data-role="assistant"][data-task="${task}"]`);
	}

	/** The newest answer to a task. */
	answer(task: string): Locator {
		return this.answers(task).last();
	}

	/** The warning marks of an answer (the UI shows at most one). */
	marks(answer: Locator): Locator {
		return answer.getByTestId('chat-check-warning');
	}

	/** "Why …?" about the finding chosen in the Pathology list; waits for the answer to be stored. */
	async askWhy(): Promise<Locator> {
		await this.page.getByTestId('tab-chat').click();
		const before = await this.answers('RE').count();
		await this.page.locator('[data-testid="ask-RE"]:not([disabled])').click();
		await this.answers('RE').nth(before).waitFor({ timeout: 240_000 });
		await this.waitIdle();
		return this.answer('RE');
	}

	/** Rewrites the Findings as a reader does (click, Ctrl+A, type) and waits for the autosave. */
	async rewriteFindings(text: string): Promise<void> {
		await this.page.getByTestId('tab-report').click();
		await this.page.getByTestId('findings-text').click();
		await this.page.keyboard.press('Control+a');
		await this.page.keyboard.type(text);
		await this.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
	}

	/** Drafts the handout, replaces its text and marks it reviewed; returns the contradiction lines shown. */
	async writeHandout(text: string, expect: RegExp): Promise<string[]> {
		await this.page.getByTestId('tab-export').click();
		await this.page.getByTestId('handout-generate').click();
		await this.page.getByTestId('handout-text').waitFor({ timeout: 240_000 });
		await this.waitIdle();
		await this.page.getByTestId('handout-text').fill(text);
		await this.page.getByTestId('handout-save').click();
		// The check of the saved text, not the one still on screen from the drafted text.
		await this.page.getByTestId('handout-contradiction').filter({ hasText: expect }).first().waitFor();
		return this.page.getByTestId('handout-contradiction').allInnerTexts();
	}

	/** Types the reason and exports the handout anyway; waits for the exported file. */
	async exportHandoutAnyway(reason: string): Promise<void> {
		await this.page.getByTestId('handout-override-reason').click();
		await this.page.keyboard.type(reason);
		await this.page.getByTestId('export-handout-override').click();
		await this.page.locator('[data-testid="export-result"] li[data-format="handout"]').waitFor();
	}

	/** The History tab's audit row of an action, shown on screen. */
	async auditRow(action: string): Promise<Locator> {
		await this.page.getByTestId('tab-history').click();
		const row = this.page.locator(`[data-testid="audit-row"][data-action="${action}"]`).first();
		await row.waitFor();
		await row.scrollIntoViewIfNeeded();
		return row;
	}

	async waitIdle(): Promise<void> {
		await this.page.locator('[data-testid="report-pane"][data-busy=""]').waitFor({ timeout: 240_000 });
	}
}
