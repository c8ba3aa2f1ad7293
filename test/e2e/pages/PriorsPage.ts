import type { Locator, Page } from 'playwright-core';

type Side = 'current' | 'prior';

/** Page object for the priors list under the images and the current-beside-prior comparison. */
export class PriorsPage {
	constructor(readonly page: Page) {}

	get list(): Locator {
		return this.page.getByTestId('priors-list');
	}
	get items(): Locator {
		return this.page.getByTestId('prior-item');
	}
	get comparison(): Locator {
		return this.page.getByTestId('prior-compare');
	}
	get report(): Locator {
		return this.page.getByTestId('prior-report');
	}
	viewport(side: Side): Locator {
		return this.page.getByTestId(`${side}-viewport`);
	}
	label(side: Side): Locator {
		return this.page.getByTestId(`${side}-label`);
	}

	/** The list has answered: its entries, or the line saying there are none. */
	async waitForList(): Promise<void> {
		await this.list.locator('[data-testid="prior-item"], .muted').first().waitFor();
	}

	/** Both images are on screen: loaded and drawn (render signals, not a sleep). */
	async waitForBothImages(): Promise<void> {
		for (const side of ['current', 'prior'] as const)
			await this.page
				.locator(`[data-testid="${side}-viewport"][data-loaded="true"][data-rendered="true"]`)
				.waitFor();
	}

	async windowLevel(side: Side): Promise<string> {
		return (await this.viewport(side).getAttribute('data-wl')) ?? '';
	}

	async zoom(side: Side): Promise<number> {
		return Number(await this.viewport(side).getAttribute('data-zoom'));
	}

	/** Drags with the left button across one image: horizontal changes width, vertical changes level. */
	async dragWindowLevel(side: Side, dx: number, dy: number): Promise<void> {
		const box = (await this.viewport(side).boundingBox())!;
		const x = box.x + box.width / 2;
		const y = box.y + box.height / 2;
		await this.page.mouse.move(x, y);
		await this.page.mouse.down();
		await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
		await this.page.mouse.move(x + dx, y + dy, { steps: 4 });
		await this.page.mouse.up();
	}

	/**
	 * Waits for one image's window to leave `from`, then for it to hold for a few frames: Cornerstone may
	 * still be drawing earlier mouse moves when the first change shows.
	 */
	async waitForWindowLevelChange(side: Side, from: string): Promise<string> {
		await this.page
			.locator(`[data-testid="${side}-viewport"][data-rendered="true"]:not([data-wl="${from}"])`)
			.waitFor();
		// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
		return this.page.evaluate<string>(`new Promise((resolve) => {
			const element = document.querySelector('[data-testid="${side}-viewport"]');
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

	async waitForZoomAbove(side: Side, scale: number): Promise<number> {
		await this.page.waitForFunction(
			([s, z]) => Number(document.querySelector(`[data-testid="${s}-viewport"]`)?.getAttribute('data-zoom')) > z,
			[side, scale] as const,
		);
		return this.zoom(side);
	}
}
