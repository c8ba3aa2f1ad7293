import type { ChexpertLabel } from '../domain/chexpert.js';

/**
 * Where a local finding was drawn, in normalised image coordinates (0..1, like the raster's).
 * Ground truth for training only: the demo classifier learns the findings that occupy a small part of
 * the image (a rib break, a nodule, a line) from where they are; one image-level label was too weak a signal.
 */
export interface FindingMark {
	readonly label: ChexpertLabel;
	readonly u: number;
	readonly v: number;
	/** Radius of the drawn change. */
	readonly r: number;
}
