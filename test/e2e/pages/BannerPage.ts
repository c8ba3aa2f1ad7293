import type { Locator, Page } from 'playwright-core';

/** Page object for the patient banner and the worklist's priority and sort, as a reader uses them. */
export class BannerPage {
	constructor(readonly page: Page) {}

	get root(): Locator {
		return this.page.locator('[data-testid="patient-banner"][data-loaded="true"]');
	}

	/** The banner's fields by name: name, patient-id, birth-date, age, sex, accession, description, referrer. */
	async field(name: string): Promise<string> {
		await this.root.waitFor();
		return this.page.getByTestId(name === 'name' ? 'banner-name' : `banner-${name}`).innerText();
	}

	async nameTooltip(): Promise<string | null> {
		return this.page.getByTestId('banner-name').getAttribute('title');
	}

	rowOf(patientId: string): Locator {
		return this.page.locator('[data-testid="worklist-row"]', { hasText: patientId });
	}

	async studyIdOf(patientId: string): Promise<string> {
		return (await this.rowOf(patientId).getAttribute('data-study-id')) ?? '';
	}

	/** The study ids of the worklist rows on screen, top to bottom. */
	async rowOrder(): Promise<string[]> {
		const rows = await this.page.locator('[data-testid="worklist-row"]').all();
		const tops = await Promise.all(
			rows.map(async (r) => ({
				id: (await r.getAttribute('data-study-id')) ?? '',
				top: parseFloat((await r.getAttribute('style'))?.match(/top:\s*([\d.]+)/)?.[1] ?? '0'),
			})),
		);
		return tops.sort((a, b) => a.top - b.top).map((r) => r.id);
	}

	/** From the list, P goes to the selected study's priority; arrows change it; Enter returns to the list. */
	async stepPriorityFromList(steps: number): Promise<void> {
		await this.page.keyboard.press('p');
		await this.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'row-priority');
		for (let i = 0; i < Math.abs(steps); i++) await this.page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
		await this.page.keyboard.press('Enter');
	}

	async waitForRowPriority(studyId: string, priority: string): Promise<void> {
		await this.page
			.locator(`[data-testid="worklist-row"][data-study-id="${studyId}"][data-priority="${priority}"]`)
			.waitFor();
	}

	async sortBy(key: string): Promise<void> {
		await this.page.getByTestId(`sort-${key}`).click();
	}
}
