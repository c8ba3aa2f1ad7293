/** A point in image pixel coordinates (column x, row y), independent of zoom and pan. */
export interface PixelPoint {
	x: number;
	y: number;
}

export interface MeasuredLength {
	value: number;
	unit: 'mm' | 'px';
	/** What the reader reads beside the line, e.g. "42.3 mm", "42.3 mm at detector", "212 px uncalibrated". */
	text: string;
}

/**
 * The length of a line drawn on the image. Spacing is [row spacing, column spacing] in mm (Pixel
 * Spacing's order): a step along a row (x) is a column step, one down a column (y) a row step.
 * Imager Pixel Spacing measures at the detector, magnified against the patient, and says so.
 */
export function measuredLength(
	a: PixelPoint,
	b: PixelPoint,
	spacing: readonly [number, number] | null | undefined,
	source: 'patient' | 'detector' | null | undefined,
): MeasuredLength {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	if (!spacing) {
		const px = Math.hypot(dx, dy);
		return { value: px, unit: 'px', text: `${px.toFixed(0)} px uncalibrated` };
	}
	const [rowSpacing, columnSpacing] = spacing;
	const mm = Math.hypot(dx * columnSpacing, dy * rowSpacing);
	return { value: mm, unit: 'mm', text: `${mm.toFixed(1)} mm${source === 'detector' ? ' at detector' : ''}` };
}
