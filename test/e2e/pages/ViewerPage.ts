import type { Locator, Page } from 'playwright-core';
import { ViewportSignals } from './ViewportSignals.js';

/** Page object for the image viewer: the viewport's render signals, tools and overlay. */
export class ViewerPage {
	/** The viewport's render signals and drags. */
	readonly image: ViewportSignals;

	constructor(readonly page: Page) {
		this.image = new ViewportSignals(page, 'viewport');
	}

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
		await this.image.waitForImage();
	}

	async windowLevel(): Promise<string> {
		return this.image.windowLevel();
	}

	/** Cornerstone renders on the next animation frame: wait for the viewport's render signal to show it. */
	async waitForWindowLevel(wl: string): Promise<void> {
		await this.page.locator(`[data-testid="viewport"][data-wl="${wl}"]`).waitFor();
	}

	waitForWindowLevelChange(from: string): Promise<string> {
		return this.image.waitForWindowLevelChange(from);
	}

	waitForZoomAbove(scale: number): Promise<number> {
		return this.image.waitForZoomAbove(scale);
	}

	zoom(): Promise<number> {
		return this.image.zoom();
	}

	dragWindowLevel(dx: number, dy: number): Promise<void> {
		return this.image.dragWindowLevel(dx, dy);
	}

	async probeAtCentre(): Promise<string> {
		const box = (await this.viewport.boundingBox())!;
		await this.page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3);
		return this.cell(0).getByTestId('overlay-probe').innerText();
	}

	/** The first viewport's overlay (the one with the patient's name when frontal and lateral show side by side). */
	async overlayText(): Promise<string> {
		return this.cell(0).locator('.viewer-overlay').innerText();
	}

	/** One viewport with its overlay, left to right. */
	cell(n: number): Locator {
		return this.root.getByTestId('viewport-cell').nth(n);
	}

	/** The orientation letters at the top, right, bottom and left edges, e.g. "H L F R"; "" when none. */
	async markers(n = 0): Promise<string> {
		const cell = this.cell(n);
		if (!(await cell.getByTestId('orientation-markers').count())) return '';
		const edges = ['top', 'right', 'bottom', 'left'].map((e) => cell.getByTestId(`marker-${e}`).innerText());
		return (await Promise.all(edges)).join(' ');
	}

	async waitForMarkers(expected: string, n = 0): Promise<void> {
		for (let i = 0; i < 100 && (await this.markers(n)) !== expected; i++) await this.page.waitForTimeout(50);
		if ((await this.markers(n)) !== expected) throw new Error(`markers ${await this.markers(n)}, not ${expected}`);
	}

	/** Drags with the left button from the viewport's centre moved by (x0, y0) to (x1, y1), in CSS pixels. */
	async drawLine(n: number, [x0, y0]: [number, number], [x1, y1]: [number, number]): Promise<void> {
		const box = (await this.cell(n).boundingBox())!;
		const cx = box.x + box.width / 2;
		const cy = box.y + box.height / 2;
		await this.page.mouse.move(cx + x0, cy + y0);
		await this.page.mouse.down();
		await this.page.mouse.move(cx + (x0 + x1) / 2, cy + (y0 + y1) / 2, { steps: 4 });
		await this.page.mouse.move(cx + x1, cy + y1, { steps: 4 });
		await this.page.mouse.up();
	}

	async measurement(n = 0): Promise<string> {
		return (await this.cell(n).getByTestId('measurement').textContent()) ?? '';
	}
}
