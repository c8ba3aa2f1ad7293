import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import * as cornerstone from 'cornerstone-core';
import type { CornerstoneImage } from 'cornerstone-core';
import { followChange, viewChange, type ViewChange } from '../linkedView.js';

/** What the viewer shows in its overlay after each render. */
export interface ViewportState {
	windowCenter: number;
	windowWidth: number;
	scale: number;
	rotation: number;
	invert: boolean;
	hflip: boolean;
	vflip: boolean;
}

export interface ProbeValue {
	x: number;
	y: number;
	value: number | string;
}

export interface ViewportControls {
	setWindow(center: number, width: number): void;
	fileWindow(): void;
	invert(): void;
	rotate(degrees: number): void;
	flip(axis: 'h' | 'v'): void;
	zoomBy(factor: number): void;
	fit(): void;
	reset(): void;
	/** Where an image pixel is on the viewport's canvas now, in CSS pixels from its top left. */
	toCanvas(p: { x: number; y: number }): { x: number; y: number } | null;
	/** Repeats another viewport's change (window/level, zoom, pan) here, without reporting it as one. */
	follow?(change: ViewChange): void;
}

/** What a left drag does: window/level, or draw a line to measure (in image pixel coordinates). */
export type ViewerTool = 'window' | 'length';
export type MeasureLine = { start: { x: number; y: number }; end: { x: number; y: number } };

interface Props {
	imageId: string | null;
	interactive?: boolean;
	onState?: (s: ViewportState) => void;
	onProbe?: (p: ProbeValue | null) => void;
	onError?: (message: string) => void;
	onLoaded?: (imageId: string) => void;
	tool?: ViewerTool;
	onMeasure?: (line: MeasureLine) => void;
	/** The reader changed window/level, zoom or pan here (not a follow): for a linked viewport. */
	onChange?: (change: ViewChange) => void;
	className?: string;
	testId?: string;
}

/**
 * One cornerstone enabled element. Left drag sets window/level, right drag or the wheel zooms,
 * middle or shift drag pans; every render reports the viewport so the overlay can show it.
 */
export const CornerstoneViewport = forwardRef<ViewportControls, Props>(function CornerstoneViewport(
	{ imageId, interactive = true, onState, onProbe, onError, onLoaded, tool, onMeasure, onChange, className, testId },
	ref,
) {
	const el = useRef<HTMLDivElement>(null);
	const image = useRef<CornerstoneImage | null>(null);
	const handlers = useRef({ onState, onProbe, onError, onLoaded, tool, onMeasure, onChange });
	handlers.current = { onState, onProbe, onError, onLoaded, tool, onMeasure, onChange };

	useEffect(() => {
		const element = el.current!;
		cornerstone.enable(element);
		const rendered = () => {
			const v = cornerstone.getViewport(element);
			if (!v) return;
			handlers.current.onState?.({
				windowCenter: v.voi.windowCenter,
				windowWidth: v.voi.windowWidth,
				scale: v.scale,
				rotation: v.rotation,
				invert: v.invert,
				hflip: v.hflip,
				vflip: v.vflip,
			});
			element.dataset.wl = `${Math.round(v.voi.windowCenter)}/${Math.round(v.voi.windowWidth)}`;
			element.dataset.zoom = v.scale.toFixed(3);
			// "inverted 90deg hflip": the view as tests and tools read it, after the render that shows it.
			element.dataset.view = [v.invert && 'inverted', `${v.rotation}deg`, v.hflip && 'hflip', v.vflip && 'vflip']
				.filter(Boolean)
				.join(' ');
			element.dataset.rendered = 'true';
		};
		element.addEventListener('cornerstoneimagerendered', rendered);
		const ro = new ResizeObserver(() => {
			if (image.current) cornerstone.resize(element, true);
		});
		ro.observe(element);
		return () => {
			ro.disconnect();
			element.removeEventListener('cornerstoneimagerendered', rendered);
			cornerstone.disable(element);
		};
	}, []);

	useEffect(() => {
		const element = el.current!;
		if (!imageId) return;
		let cancelled = false;
		element.dataset.loaded = 'false';
		element.dataset.rendered = 'false';
		cornerstone.loadAndCacheImage(imageId).then(
			(img) => {
				if (cancelled) return;
				const previous = image.current;
				image.current = img;
				// Another frame of the same instance keeps the reader's window, zoom and pan.
				const sameInstance =
					previous &&
					previous.imageId.replace(/:\d+$/, '') === imageId.replace(/:\d+$/, '') &&
					previous.rows === img.rows &&
					previous.columns === img.columns;
				const kept = sameInstance ? cornerstone.getViewport(element) : undefined;
				if (kept) cornerstone.displayImage(element, img, kept);
				else {
					cornerstone.displayImage(element, img, cornerstone.getDefaultViewportForImage(element, img));
					cornerstone.fitToWindow(element);
				}
				element.dataset.loaded = 'true';
				handlers.current.onLoaded?.(imageId);
			},
			(err: unknown) => {
				if (cancelled) return;
				element.dataset.loaded = 'error';
				handlers.current.onError?.(err instanceof Error ? err.message : String(err));
			},
		);
		return () => {
			cancelled = true;
		};
	}, [imageId]);

	const update = (change: (v: cornerstone.Viewport) => Partial<cornerstone.Viewport>, report = true) => {
		const element = el.current;
		const v = element && image.current ? cornerstone.getViewport(element) : undefined;
		if (!element || !v) return;
		const next = { ...v, ...change(v) };
		cornerstone.setViewport(element, next);
		// Only the reader's own changes are reported, so two linked viewports never echo each other.
		const linked = report && handlers.current.onChange ? viewChange(v, next) : null;
		if (linked) handlers.current.onChange?.(linked);
	};

	useImperativeHandle(
		ref,
		() => ({
			setWindow: (windowCenter, windowWidth) =>
				update(() => ({ voi: { windowCenter, windowWidth: Math.max(1, windowWidth) }, voiLUT: undefined })),
			fileWindow: () => {
				const img = image.current;
				if (img)
					update(() => ({
						voi: { windowCenter: img.windowCenter, windowWidth: img.windowWidth },
						voiLUT: img.voiLUT,
					}));
			},
			invert: () => update((v) => ({ invert: !v.invert })),
			rotate: (deg) => update((v) => ({ rotation: (((v.rotation + deg) % 360) + 360) % 360 })),
			flip: (axis) => update((v) => (axis === 'h' ? { hflip: !v.hflip } : { vflip: !v.vflip })),
			zoomBy: (f) => update((v) => ({ scale: Math.min(40, Math.max(0.05, v.scale * f)) })),
			fit: () => {
				if (el.current && image.current) cornerstone.fitToWindow(el.current);
			},
			toCanvas: (p) => (el.current && image.current ? cornerstone.pixelToCanvas(el.current, p) : null),
			follow: (change) =>
				update((v) => {
					// A moved window replaces the file's VOI LUT, as the reader's own drag does.
					const windowMoved = change.windowCenter !== 0 || change.windowWidth !== 0;
					return { ...followChange(v, change), ...(windowMoved ? { voiLUT: undefined } : {}) };
				}, false),
			reset: () => {
				if (el.current && image.current) {
					cornerstone.reset(el.current);
					cornerstone.fitToWindow(el.current);
				}
			},
		}),
		[],
	);

	useEffect(() => {
		if (!interactive) return;
		const element = el.current!;
		let drag: { button: number; shift: boolean; x: number; y: number } | null = null;
		// Measured in image pixels (pageToPixel), so zoom and pan never change a length.
		let line: MeasureLine | null = null;
		const at = (e: MouseEvent) => cornerstone.pageToPixel(element, e.pageX, e.pageY);
		const down = (e: MouseEvent) => {
			if (!image.current) return;
			e.preventDefault();
			if (e.button === 0 && !e.shiftKey && handlers.current.tool === 'length') {
				line = { start: at(e), end: at(e) };
				return;
			}
			drag = { button: e.button, shift: e.shiftKey, x: e.clientX, y: e.clientY };
		};
		const move = (e: MouseEvent) => {
			if (line) {
				line = { ...line, end: at(e) };
				handlers.current.onMeasure?.(line);
			} else if (drag) {
				const dx = e.clientX - drag.x;
				const dy = e.clientY - drag.y;
				drag.x = e.clientX;
				drag.y = e.clientY;
				const img = image.current!;
				if (drag.button === 1 || (drag.button === 0 && drag.shift)) {
					update((v) => ({
						translation: { x: v.translation.x + dx / v.scale, y: v.translation.y + dy / v.scale },
					}));
				} else if (drag.button === 2) {
					update((v) => ({ scale: Math.min(40, Math.max(0.05, v.scale * Math.exp(-dy / 150))) }));
				} else if (drag.button === 0) {
					// A full-width drag spans the image's whole value range, whatever its bit depth.
					const range = Math.max(1, (img.maxPixelValue - img.minPixelValue) * img.slope);
					const k = range / Math.max(200, element.clientWidth);
					update((v) => ({
						voi: {
							windowWidth: Math.max(1, v.voi.windowWidth + dx * k),
							windowCenter: v.voi.windowCenter + dy * k,
						},
						voiLUT: undefined,
					}));
				}
			} else probe(e);
		};
		const up = () => {
			drag = null;
			line = null;
		};
		const probe = (e: MouseEvent) => {
			const img = image.current;
			if (!img || !handlers.current.onProbe) return;
			const p = cornerstone.pageToPixel(element, e.pageX, e.pageY);
			const x = Math.floor(p.x);
			const y = Math.floor(p.y);
			if (x < 0 || y < 0 || x >= img.columns || y >= img.rows) {
				handlers.current.onProbe(null);
				return;
			}
			const px = img.getPixelData();
			const i = y * img.columns + x;
			const value = img.color
				? `${px[i * 4]}, ${px[i * 4 + 1]}, ${px[i * 4 + 2]}`
				: px[i]! * img.slope + img.intercept;
			handlers.current.onProbe({ x, y, value });
		};
		const wheel = (e: WheelEvent) => {
			if (!image.current) return;
			e.preventDefault();
			update((v) => ({ scale: Math.min(40, Math.max(0.05, v.scale * (e.deltaY < 0 ? 1.1 : 1 / 1.1))) }));
		};
		const menu = (e: Event) => e.preventDefault();
		const leave = () => handlers.current.onProbe?.(null);
		element.addEventListener('mousedown', down);
		window.addEventListener('mousemove', move);
		window.addEventListener('mouseup', up);
		element.addEventListener('wheel', wheel, { passive: false });
		element.addEventListener('contextmenu', menu);
		element.addEventListener('mouseleave', leave);
		return () => {
			element.removeEventListener('mousedown', down);
			window.removeEventListener('mousemove', move);
			window.removeEventListener('mouseup', up);
			element.removeEventListener('wheel', wheel);
			element.removeEventListener('contextmenu', menu);
			element.removeEventListener('mouseleave', leave);
		};
	}, [interactive]);

	return <div ref={el} className={className} data-testid={testId} data-loaded="false" />;
});
