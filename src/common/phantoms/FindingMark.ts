import type { ChexpertLabel } from '../domain/chexpert.js';

/**
 * Where a small, local finding was drawn, in normalised image coordinates (0..1, like the raster's).
 * Ground truth for training only: the demo classifier learns the findings that are a few pixels wide
 * (a rib break, a nodule) from where they are, which one image-level label is too weak a signal for.
 */
export interface FindingMark {
	readonly label: ChexpertLabel;
	readonly u: number;
	readonly v: number;
	/** Radius of the drawn change. */
	readonly r: number;
}
