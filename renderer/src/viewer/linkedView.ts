/** The parts of a viewport that two linked viewports share: window/level, zoom and pan. */
export interface LinkedView {
	voi: { windowCenter: number; windowWidth: number };
	scale: number;
	/** In image pixels, as Cornerstone keeps it. */
	translation: { x: number; y: number };
}

/**
 * What the reader did to one viewport, as the other should repeat it: window/level moved by the same
 * amounts, zoom by the same factor, pan by the same distance on screen. Relative, so two images of
 * different size or window each keep their own fit and file window until the reader changes them.
 */
export interface ViewChange {
	windowCenter: number;
	windowWidth: number;
	zoom: number;
	/** On screen, in CSS pixels. */
	panX: number;
	panY: number;
}

/** The change from `before` to `after`; null where window, zoom and pan stayed (an invert, a turn). */
export function viewChange(before: LinkedView, after: LinkedView): ViewChange | null {
	const c: ViewChange = {
		windowCenter: after.voi.windowCenter - before.voi.windowCenter,
		windowWidth: after.voi.windowWidth - before.voi.windowWidth,
		zoom: before.scale > 0 ? after.scale / before.scale : 1,
		panX: (after.translation.x - before.translation.x) * after.scale,
		panY: (after.translation.y - before.translation.y) * after.scale,
	};
	const still = !c.windowCenter && !c.windowWidth && c.zoom === 1 && !c.panX && !c.panY;
	return still ? null : c;
}

/** `view` with `change` repeated on it; the width never below 1, as on the viewport itself. */
export function followChange(view: LinkedView, change: ViewChange): LinkedView {
	const scale = Math.min(40, Math.max(0.05, view.scale * change.zoom));
	return {
		voi: {
			windowCenter: view.voi.windowCenter + change.windowCenter,
			windowWidth: Math.max(1, view.voi.windowWidth + change.windowWidth),
		},
		scale,
		translation: { x: view.translation.x + change.panX / scale, y: view.translation.y + change.panY / scale },
	};
}
