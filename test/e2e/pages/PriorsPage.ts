import type { Locator, Page } from 'playwright-core';
import { ViewportSignals } from './ViewportSignals.js';

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

	/** One side's render signals and drags. */
	image(side: Side): ViewportSignals {
		return new ViewportSignals(this.page, `${side}-viewport`);
	}

	/** Both images are on screen: loaded and drawn (render signals, not a sleep). */
	async waitForBothImages(): Promise<void> {
		for (const side of ['current', 'prior'] as const) await this.image(side).waitForImage();
	}

	windowLevel(side: Side): Promise<string> {
		return this.image(side).windowLevel();
	}

	zoom(side: Side): Promise<number> {
		return this.image(side).zoom();
	}

	dragWindowLevel(side: Side, dx: number, dy: number): Promise<void> {
		return this.image(side).dragWindowLevel(dx, dy);
	}

	waitForWindowLevelChange(side: Side, from: string): Promise<string> {
		return this.image(side).waitForWindowLevelChange(from);
	}

	waitForZoomAbove(side: Side, scale: number): Promise<number> {
		return this.image(side).waitForZoomAbove(scale);
	}
}
