import type { Locator, Page } from 'playwright-core';

/** Page object for the image viewer: the viewport's render signals, tools and overlay. */
export class ViewerPage {
	constructor(readonly page: Page) {}

	get root(): Locator {
		return this.page.getByTestId('viewer');
	}
	get viewport(): Locator {
		return this.page.getByTestId('viewport');
	}
	get thumbnails(): Locator {
		return this.page.getByTestId('thumbnail');
	}

	/** Invert, rotation and flips after the render that shows them, e.g. "inverted 90deg hflip". */
	async view(): Promise<string> {
		return (await this.viewport.getAttribute('data-view')) ?? '';
	}

	async waitForView(view: string): Promise<void> {
		await this.page.locator(`[data-testid="viewport"][data-view="${view}"]`).waitFor();
	}

	/** The keyboard is in the viewer (the pane or one of its tools). */
	async waitForFocus(): Promise<void> {
		await this.page.waitForFunction(() => !!document.activeElement?.closest('[data-testid="viewer"]'));
	}

	async waitForPlaceSaved(): Promise<void> {
		await this.page.locator('[data-testid="viewer"][data-place-saved="true"]').waitFor();
	}

	async waitForImage(): Promise<void> {
		await this.page.locator('[data-testid="viewport"][data-loaded="true"][data-rendered="true"]').waitFor();
	}

	async windowLevel(): Promise<string> {
		return (await this.viewport.getAttribute('data-wl')) ?? '';
	}

	/** Cornerstone renders on the next animation frame: wait for the viewport's render signal to show it. */
	async waitForWindowLevel(wl: string): Promise<void> {
		await this.page.locator(`[data-testid="viewport"][data-wl="${wl}"]`).waitFor();
	}

	/**
	 * Waits for the window to leave `from`, then for the drag's last render: Cornerstone may still be
	 * drawing earlier mouse moves when the first change shows, so the value must hold for a few frames.
	 */
	async waitForWindowLevelChange(from: string): Promise<string> {
		await this.page.locator(`[data-testid="viewport"][data-rendered="true"]:not([data-wl="${from}"])`).waitFor();
		// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
		return this.page.evaluate<string>(`new Promise((resolve) => {
			const element = document.querySelector('[data-testid="viewport"]');
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
			(s) => Number(document.querySelector('[data-testid="viewport"]')?.getAttribute('data-zoom')) > s,
			scale,
		);
		return this.zoom();
	}

	async zoom(): Promise<number> {
		return Number(await this.viewport.getAttribute('data-zoom'));
	}

	/** Drags with the left button across the image: horizontal changes width, vertical changes level. */
	async dragWindowLevel(dx: number, dy: number): Promise<void> {
		const box = (await this.viewport.boundingBox())!;
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		await this.page.mouse.move(x, y);
		await this.page.mouse.down();
		await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
		await this.page.mouse.move(x + dx, y + dy, { steps: 4 });
		await this.page.mouse.up();
	}

	async probeAtCentre(): Promise<string> {
		const box = (await this.viewport.boundingBox())!;
		await this.page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3);
		return this.page.getByTestId('overlay-probe').innerText();
	}

	async overlayText(): Promise<string> {
		return this.root.locator('.viewer-overlay').innerText();
	}
}
