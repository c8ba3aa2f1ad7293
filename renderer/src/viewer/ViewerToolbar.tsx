import type { ViewerTool, ViewportControls, ViewportState } from './cornerstone/CornerstoneViewport.js';
import type { WindowPreset } from './windowPresets.js';

interface Props {
	onClose: () => void;
	/** Next/previous study; absent where the host does not support it. */
	go?: (direction: 'next' | 'previous') => void;
	presets: WindowPreset[];
	/** The viewport the tools act on: the one the reader last clicked. */
	act: (f: (v: ViewportControls) => void) => void;
	view: ViewportState | null;
	tool: ViewerTool;
	onTool: (t: ViewerTool) => void;
	/** Frontal and lateral side by side: absent when the study lacks one of them. */
	sideBySide?: { on: boolean; toggle: () => void };
	frames: { frame: number; count: number; step: (by: number) => void };
}

/** The viewer's buttons; each names its key, and a tool or state that is on shows as pressed. */
export function ViewerToolbar({ onClose, go, presets, act, view, tool, onTool, sideBySide, frames }: Props) {
	const pressed = (on: boolean) => ({ 'aria-pressed': on, className: on ? 'pressed' : undefined });
	return (
		<div className="viewer-toolbar" role="toolbar" aria-label="Image tools">
			<button onClick={onClose} title="Back to the worklist (Esc)">
				◀ Worklist
			</button>
			{go && (
				<>
					<button
						onClick={() => go('previous')}
						title="Previous study (Page Up)"
						data-testid="previous-study"
					>
						↑ Prev
					</button>
					<button onClick={() => go('next')} title="Next study (Page Down)" data-testid="next-study">
						↓ Next
					</button>
				</>
			)}
			<span className="viewer-sep" />
			<button onClick={() => act((v) => v.fileWindow())} title="Window from the file">
				File W/L
			</button>
			{presets.map((p, i) => (
				<button
					key={p.name}
					onClick={() => act((v) => v.setWindow(p.center, p.width))}
					title={`${p.name} (${i + 1})`}
					data-testid={`preset-${i + 1}`}
				>
					{p.name}
				</button>
			))}
			<span className="viewer-sep" />
			<button onClick={() => act((v) => v.invert())} title="Invert (I)" data-testid="invert">
				Invert
			</button>
			<button
				onClick={() => act((v) => v.rotate(90))}
				title="Rotate 90° clockwise (R; Shift+R anticlockwise)"
				data-testid="rotate"
				{...pressed(!!view && view.rotation !== 0)}
			>
				⟳
			</button>
			<button
				onClick={() => act((v) => v.flip('h'))}
				title="Flip horizontally (H)"
				data-testid="flip-h"
				{...pressed(!!view?.hflip)}
			>
				⇋
			</button>
			<button
				onClick={() => act((v) => v.flip('v'))}
				title="Flip vertically (V)"
				data-testid="flip-v"
				{...pressed(!!view?.vflip)}
			>
				⇵
			</button>
			<button onClick={() => act((v) => v.zoomBy(1.25))} title="Zoom in (+)" data-testid="zoom-in">
				Zoom +
			</button>
			<button onClick={() => act((v) => v.zoomBy(0.8))} title="Zoom out (−)">
				Zoom −
			</button>
			<button onClick={() => act((v) => v.fit())} title="Fit to window (F)">
				Fit
			</button>
			<button onClick={() => act((v) => v.reset())} title="Reset (0)" data-testid="reset">
				Reset
			</button>
			<span className="viewer-sep" />
			<button
				onClick={() => onTool(tool === 'length' ? 'window' : 'length')}
				title="Measure a length: drag on the image (M)"
				data-testid="tool-length"
				{...pressed(tool === 'length')}
			>
				Length
			</button>
			{sideBySide && (
				<button
					onClick={sideBySide.toggle}
					title="Frontal and lateral side by side (B)"
					data-testid="side-by-side"
					{...pressed(sideBySide.on)}
				>
					PA | Lat
				</button>
			)}
			{frames.count > 1 && (
				<>
					<span className="viewer-sep" />
					<button onClick={() => frames.step(-1)} title="Previous frame (,)">
						‹
					</button>
					<span data-testid="frame-counter">
						Frame {frames.frame + 1}/{frames.count}
					</span>
					<button onClick={() => frames.step(1)} title="Next frame (.)" data-testid="next-frame">
						›
					</button>
				</>
			)}
		</div>
	);
}
