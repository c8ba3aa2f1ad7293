import type { MeasureLine } from './cornerstone/CornerstoneViewport.js';
import { measuredLength } from './measuredLength.js';

interface Props {
	line: MeasureLine;
	/** Image pixel to canvas position now (after zoom, pan, flips and turns). */
	toCanvas: (p: { x: number; y: number }) => { x: number; y: number } | null;
	spacing: readonly [number, number] | null;
	spacingSource: 'patient' | 'detector' | null;
}

/** The reader's line drawn over the image, with its length beside its end. */
export function LengthMeasurement({ line, toCanvas, spacing, spacingSource }: Props) {
	const a = toCanvas(line.start);
	const b = toCanvas(line.end);
	if (!a || !b) return null;
	const length = measuredLength(line.start, line.end, spacing, spacingSource);
	return (
		<svg className="viewer-measure" aria-hidden="true">
			<line x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
			<circle cx={a.x} cy={a.y} r={3} />
			<circle cx={b.x} cy={b.y} r={3} />
			<text x={b.x + 8} y={b.y - 8} data-testid="measurement" data-unit={length.unit} data-value={length.value}>
				{length.text}
			</text>
		</svg>
	);
}
