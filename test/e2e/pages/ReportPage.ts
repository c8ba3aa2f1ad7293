import type { Locator, Page } from 'playwright-core';

/** Page object for the report pane: findings, draft, chat, signature, exports, handout, history. */
export class ReportPage {
	constructor(readonly page: Page) {}

	get root(): Locator {
		return this.page.getByTestId('report-pane');
	}
	get findingsText(): Locator {
		return this.page.getByTestId('findings-text');
	}
	get impressionText(): Locator {
		return this.page.getByTestId('impression-text');
	}
	get draftBanner(): Locator {
		return this.page.getByTestId('draft-banner');
	}
	get notice(): Locator {
		return this.page.getByTestId('report-model-notice');
	}
	get error(): Locator {
		return this.page.getByTestId('report-error');
	}

	finding(label: string): Locator {
		return this.page.locator(`[data-testid="finding-row"][data-label="${label}"]`);
	}

	/** Records, inside the page, whether model text ever streamed into the draft area (render signal, not timing). */
	async watchStreaming(): Promise<void> {
		await this.page.evaluate(() => {
			const w = window as unknown as { __draftStreamSeen?: number };
			w.__draftStreamSeen = 0;
			new MutationObserver(() => {
				const el = document.querySelector('[data-testid="draft-stream"]');
				if (el && el.textContent && el.textContent.length > (w.__draftStreamSeen ?? 0))
					w.__draftStreamSeen = el.textContent.length;
			}).observe(document.body, { subtree: true, childList: true, characterData: true });
		});
	}

	async longestStreamSeen(): Promise<number> {
		return this.page.evaluate(() => (window as unknown as { __draftStreamSeen?: number }).__draftStreamSeen ?? 0);
	}

	async waitReady(timeout = 240_000): Promise<void> {
		await this.page.locator('[data-testid="report-pane"][data-state="ready"][data-busy=""]').waitFor({ timeout });
	}

	async waitIdle(timeout = 240_000): Promise<void> {
		await this.page.locator('[data-testid="report-pane"][data-busy=""]').waitFor({ timeout });
	}

	async positiveFindings(): Promise<string[]> {
		return this.page
			.locator('[data-testid="finding-row"][data-positive="true"]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')!));
	}

	/** With the keyboard, as a reader does: Alt+F to the findings, arrows to the row, r to reject. */
	async reject(label: string): Promise<void> {
		await this.decide(label, 'r', 'rejected');
	}

	/** With the keyboard: Alt+F, arrows to the row, a to accept. */
	async accept(label: string): Promise<void> {
		await this.decide(label, 'a', 'accepted');
	}

	private async decide(label: string, key: 'a' | 'r', decision: 'accepted' | 'rejected'): Promise<void> {
		await this.page.keyboard.press('Alt+f');
		const labels = await this.page
			.getByTestId('finding-row')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
		const focused = () => this.page.evaluate(() => document.activeElement?.getAttribute('data-label') ?? null);
		await this.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'finding-row');
		for (let i = 0; i < labels.length && (await focused()) !== label; i++)
			await this.page.keyboard.press('ArrowDown');
		await this.page.keyboard.press(key);
		await this.page
			.locator(`[data-testid="finding-row"][data-label="${label}"][data-decision="${decision}"]`)
			.waitFor();
	}

	async apply(): Promise<void> {
		await this.page.locator('[data-testid="apply-corrections"]:not([disabled])').waitFor();
		await this.page.keyboard.press('Alt+a');
		await this.page
			.locator(`[data-testid="report-pane"]:not([data-busy=""])`)
			.waitFor({ timeout: 5000 })
			.catch(() => undefined);
		await this.waitIdle();
	}

	/** Alt+A after the reader's own edits: the one dialog asks; Tab to "Replace", Enter; Undo apply then offered. */
	async applyOverEdits(whilePrompting?: () => Promise<unknown>): Promise<void> {
		await this.page.locator('[data-testid="apply-corrections"]:not([disabled])').waitFor();
		await this.page.keyboard.press('Alt+a');
		const dialog = this.page.getByTestId('apply-dialog');
		await dialog.waitFor();
		await whilePrompting?.();
		await this.page.keyboard.press('Tab');
		await this.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'apply-replace');
		await this.page.keyboard.press('Enter');
		await dialog.waitFor({ state: 'detached' });
		await this.page.getByTestId('undo-apply').waitFor({ timeout: 240_000 });
		await this.waitIdle();
	}

	async tab(name: 'report' | 'chat' | 'export' | 'history'): Promise<void> {
		await this.page.getByTestId(`tab-${name}`).click();
	}

	async ask(task: 'FQA_complete' | 'FQA_binary' | 'RE' | 'EL' | 'SU'): Promise<string> {
		await this.tab('chat');
		const before = await this.page
			.locator(`[data-testid="chat-message"][data-role="assistant"][data-task="${task}"]`)
			.count();
		await this.page.getByTestId(`ask-${task}`).click();
		const answer = this.page
			.locator(`[data-testid="chat-message"][data-role="assistant"][data-task="${task}"]`)
			.nth(before);
		await answer.waitFor({ timeout: 240_000 });
		return answer.locator('.rp-msg-text').innerText();
	}

	/**
	 * Signs with the keyboard shortcut through the sign dialog; returns the warnings it listed. Over serious
	 * ones it ticks "I have reviewed these warnings" and presses "Sign with warnings"; otherwise Enter signs.
	 */
	async sign(whileAsking?: () => Promise<unknown>): Promise<string[]> {
		await this.tab('report');
		await this.page.keyboard.press('Control+Enter');
		const dialog = this.page.getByTestId('sign-dialog');
		await dialog.waitFor();
		await whileAsking?.();
		const messages = await dialog.getByTestId('sign-warning').allInnerTexts();
		if (await dialog.locator('[data-testid="sign-warning"][data-serious="true"]').count()) {
			await dialog.getByTestId('sign-reviewed').check();
			await dialog.getByTestId('sign-confirm').click();
		} else await this.page.keyboard.press('Enter');
		await this.page.locator('[data-testid="report-status"][data-status="signed"]').waitFor();
		return messages;
	}

	async exportAll(o: { keyImage?: boolean } = {}): Promise<Record<string, string>> {
		await this.tab('export');
		if (o.keyImage) await this.page.getByTestId('export-key-image').check();
		await this.page.getByTestId('export-all').click();
		return this.exportedFiles('hl7');
	}

	private async exportedFiles(last: string): Promise<Record<string, string>> {
		await this.page.locator(`[data-testid="export-result"] li[data-format="${last}"]`).waitFor();
		const items = await this.page
			.locator('[data-testid="export-result"] li')
			.evaluateAll((els) =>
				els.map((e): [string, string] => [
					e.getAttribute('data-format')!,
					e.querySelector('code')!.textContent,
				]),
			);
		return Object.fromEntries(items);
	}

	/**
	 * Drafts the handout with the assistant's easy language, lets the reader edit it, marks it reviewed,
	 * exports the PDF.
	 */
	async handout(edit: (text: string) => string): Promise<string> {
		await this.tab('export');
		await this.page.getByTestId('handout-generate').click();
		await this.page.getByTestId('handout-text').waitFor({ timeout: 240_000 });
		await this.waitIdle();
		const text = edit(await this.page.getByTestId('handout-text').inputValue());
		await this.page.getByTestId('handout-text').fill(text);
		await this.page.getByTestId('handout-save').click();
		await this.page.locator('[data-testid="handout-reviewed"][data-reviewed="true"]').waitFor();
		await this.page.getByTestId('export-handout').click();
		const files = await this.exportedFiles('handout');
		return files.handout!;
	}

	async auditActions(): Promise<string[]> {
		await this.tab('history');
		await this.page.getByTestId('audit-row').first().waitFor();
		return this.page.getByTestId('audit-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')!));
	}
}
