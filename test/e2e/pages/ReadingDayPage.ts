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

	/** Typed edits right after one another may share a version; the save's time tells each save apart. */
	private async typeAtEnd(testId: string, text: string): Promise<void> {
		const field = this.page.getByTestId(testId);
		const before = await this.page.getByTestId('save-state').getAttribute('data-saved-at');
		await field.click();
		await this.page.keyboard.press('Control+End');
		await this.page.keyboard.type(text);
		await this.page
			.locator(`[data-testid="save-state"][data-state="saved"]:not([data-saved-at="${before}"])`)
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

	/**
	 * The handout as a reader makes it: the assistant drafts it; where the guard lists sentences that
	 * contradict the report, the reader deletes them (after `onWarning`); reviewed, saved, exported.
	 */
	async faithfulHandout(onWarning: () => Promise<unknown>): Promise<{ file: string; removed: string[] }> {
		await this.page.getByTestId('tab-export').click();
		await this.page.getByTestId('handout-generate').click();
		const field = this.page.getByTestId('handout-text');
		await field.waitFor({ timeout: 240_000 });
		await this.page.locator('[data-testid="report-pane"][data-busy=""]').waitFor({ timeout: 240_000 });
		const removed: string[] = [];
		for (let round = 0; round < 3; round++) {
			await this.page.getByTestId('handout-save').click();
			// Saved and checked: nothing is busy and the state holds this text as reviewed (nothing to save).
			await this.page.waitForFunction(
				() =>
					document.querySelector('[data-testid="report-pane"]')?.getAttribute('data-busy') === '' &&
					document.querySelector('[data-testid="handout-save"]')?.hasAttribute('disabled') &&
					document.querySelector('[data-testid="handout-reviewed"]')?.getAttribute('data-reviewed') ===
						'true',
			);
			const check = this.page.getByTestId('handout-check');
			await Promise.race([check.waitFor(), this.page.getByTestId('export-handout').waitFor()]);
			if (!(await check.count())) break;
			if (round === 0) await onWarning();
			const sentences = await this.page
				.getByTestId('handout-contradiction')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-sentence') ?? ''));
			const squash = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
			const flagged = sentences.map(squash).filter(Boolean);
			const before = await field.inputValue();
			const kept = (before.match(/[^.!?]+[.!?]*/g) ?? []).filter((sentence) => {
				const drop = flagged.some((f) => squash(sentence).includes(f) || f.includes(squash(sentence)));
				if (drop) removed.push(sentence.trim());
				return !drop;
			});
			const text = kept.join('').replace(/[ \t]{2,}/g, ' ');
			if (squash(text) === squash(before) || !text.trim())
				throw new Error(`cannot drop ${sentences.join(' | ')}`);
			await field.fill(text.trim());
		}
		await this.page.getByTestId('export-handout').click();
		const item = this.page.locator('[data-testid="export-result"] li[data-format="handout"] code');
		await item.waitFor();
		return { file: await item.innerText(), removed };
	}

	/**
	 * Asks the assistant until two answers came after its answers overflowed the panel (at most `max`
	 * asks); returns whether the panel overflowed and whether each newest answer was in view.
	 */
	async askUntilOverflow(max: number): Promise<{ overflowed: boolean; newestAlwaysInView: boolean }> {
		await this.page.getByTestId('tab-chat').click();
		const tasks = ['FQA_complete', 'EL', 'SU'];
		let newestAlwaysInView = true;
		let overflowed = false;
		// Two answers past the first overflow: only then does an unscrolled panel hide the newest one.
		let pastOverflow = 0;
		for (let i = 0; i < max && pastOverflow < 2; i++) {
			const answers = this.page.locator('[data-testid="chat-message"][data-role="assistant"]');
			const before = await answers.count();
			await this.page.getByTestId(`ask-${tasks[i % tasks.length]}`).click();
			await answers.nth(before).waitFor({ timeout: 240_000 });
			await this.page.locator('[data-testid="report-pane"][data-busy=""]').waitFor({ timeout: 240_000 });
			// In view: inside the tab's panel and inside the conversation's own box, wherever either scrolls.
			const view = await answers.nth(before).evaluate((el) => {
				const panel = el.closest('[role="tabpanel"]')!;
				const list = el.parentElement!;
				const box = el.getBoundingClientRect();
				const frames = [panel.getBoundingClientRect(), list.getBoundingClientRect()];
				return {
					inView: frames.every((f) => box.bottom <= f.bottom + 1 && box.top >= f.top - 1),
					overflow: [panel, list].some((e) => e.scrollHeight > e.clientHeight),
				};
			});
			newestAlwaysInView &&= view.inView;
			overflowed = view.overflow;
			if (overflowed) pastOverflow++;
		}
		return { overflowed, newestAlwaysInView };
	}
}
