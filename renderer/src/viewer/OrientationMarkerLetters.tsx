import type { ImageOrientation } from './imageOrientation.js';
import { orientationMarkers, type ViewTransform } from './orientationMarkers.js';

/** The patient direction at each edge of the viewport; nothing where the image's orientation is unknown. */
export function OrientationMarkerLetters({
	orientation,
	view,
}: {
	orientation: ImageOrientation | null;
	view: ViewTransform;
}) {
	if (!orientation) return null;
	const m = orientationMarkers(orientation, view);
	return (
		<div className="viewer-markers" aria-hidden="true" data-testid="orientation-markers">
			{(['top', 'right', 'bottom', 'left'] as const).map((edge) => (
				<span key={edge} className={`marker-${edge}`} data-testid={`marker-${edge}`}>
					{m[edge]}
				</span>
			))}
		</div>
	);
}
