import type { Locator, Page } from 'playwright-core';

/**
 * One Cornerstone viewport's render signals (data-loaded, data-rendered, data-wl, data-zoom) and the
 * mouse drags on it, by its test id: the viewer's single image and each side of a prior comparison.
 */
export class ViewportSignals {
	constructor(
		readonly page: Page,
		readonly testId: string,
	) {}

	get element(): Locator {
		return this.page.getByTestId(this.testId);
	}

	/** Loaded and drawn (the render signals, not a sleep). */
	async waitForImage(): Promise<void> {
		await this.page.locator(`[data-testid="${this.testId}"][data-loaded="true"][data-rendered="true"]`).waitFor();
	}

	async windowLevel(): Promise<string> {
		return (await this.element.getAttribute('data-wl')) ?? '';
	}

	async zoom(): Promise<number> {
		return Number(await this.element.getAttribute('data-zoom'));
	}

	/**
	 * Waits for the window to leave `from`, then for the drag's last render: Cornerstone may still be
	 * drawing earlier mouse moves when the first change shows, so the value must hold for a few frames.
	 */
	async waitForWindowLevelChange(from: string): Promise<string> {
		await this.page
			.locator(`[data-testid="${this.testId}"][data-rendered="true"]:not([data-wl="${from}"])`)
			.waitFor();
		// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
		return this.page.evaluate<string>(`new Promise((resolve) => {
			const element = document.querySelector('[data-testid="${this.testId}"]');
			let last = element.dataset.wl;
			let steadyFrames = 0;
			const tick = () => {
				if (element.dataset.wl === last) steadyFrames++;
				else { last = element.dataset.wl; steadyFrames = 0; }
				if (steadyFrames >= 5) resolve(last ?? '');
				else requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		})`);
	}

	async waitForZoomAbove(scale: number): Promise<number> {
		await this.page.waitForFunction(
			([id, s]) => Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-zoom')) > s,
			[this.testId, scale] as const,
		);
		return this.zoom();
	}

	/** Drags with the left button across the image: horizontal changes width, vertical changes level. */
	async dragWindowLevel(dx: number, dy: number): Promise<void> {
		const box = (await this.element.boundingBox())!;
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		await this.page.mouse.move(x, y);
		await this.page.mouse.down();
		await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
		await this.page.mouse.move(x + dx, y + dy, { steps: 4 });
		await this.page.mouse.up();
	}
}
