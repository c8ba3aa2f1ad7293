import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { FrameMeta, StudyDetail } from '../../../src/common/api/studiesContract.js';
import {
	CornerstoneViewport,
	type MeasureLine,
	type ProbeValue,
	type ViewerTool,
	type ViewportControls,
	type ViewportState,
} from './cornerstone/CornerstoneViewport.js';
import { imageIdFor } from './cornerstone/radialogImageLoader.js';
import { imageOrientation } from './imageOrientation.js';
import { LengthMeasurement } from './LengthMeasurement.js';
import { OrientationMarkerLetters } from './OrientationMarkerLetters.js';
import { viewDescription } from './viewDescription.js';

interface Props {
	study: StudyDetail;
	imageIndex: number;
	frame: number;
	/** The decoded frame's metadata (spacing, orientation) once it has arrived. */
	meta: FrameMeta | undefined;
	/** Position on screen: the first cell keeps the test ids of the single viewport. */
	position: number;
	active: boolean;
	showPatient: boolean;
	tool: ViewerTool;
	onActivate: () => void;
	onState: (s: ViewportState) => void;
	onError: (message: string) => void;
}

/** One image of the study: the viewport, its overlay, orientation letters and the reader's measurement. */
export const ViewportCell = forwardRef<ViewportControls, Props>(function ViewportCell(props, ref) {
	const { study, imageIndex, frame, meta, position, active, showPatient, tool } = props;
	const image = study.images[imageIndex]!;
	const viewport = useRef<ViewportControls>(null);
	const [state, setState] = useState<ViewportState | null>(null);
	const [probe, setProbe] = useState<ProbeValue | null>(null);
	const [line, setLine] = useState<MeasureLine | null>(null);
	useEffect(() => setLine(null), [image.instanceId]);

	// The pane drives the viewport through the cell, so a reset also clears the measurement.
	useImperativeHandle(
		ref,
		() => ({
			...forward(() => viewport.current),
			reset: () => {
				setLine(null);
				viewport.current?.reset();
			},
		}),
		[],
	);

	const orientation = imageOrientation(meta?.patientOrientation, image.viewPosition);
	const imageId = imageIdFor(image.instanceId, Math.min(frame, image.frames - 1));
	const suffix = position === 0 ? '' : `-${position + 1}`;
	return (
		<div
			className={`viewer-main${active ? ' active' : ''}`}
			data-testid="viewport-cell"
			data-active={active}
			data-view-position={image.viewPosition ?? ''}
			onPointerDown={props.onActivate}
		>
			<CornerstoneViewport
				ref={viewport}
				imageId={imageId}
				tool={tool}
				onMeasure={setLine}
				onState={(s) => {
					setState(s);
					props.onState(s);
				}}
				onProbe={setProbe}
				onError={props.onError}
				className={`viewer-canvas${tool === 'length' ? ' measuring' : ''}`}
				testId={`viewport${suffix}`}
			/>
			{state && <OrientationMarkerLetters orientation={orientation} view={state} />}
			{line && state && (
				<LengthMeasurement
					line={line}
					toCanvas={(p) => viewport.current?.toCanvas(p) ?? null}
					spacing={meta?.pixelSpacing ?? null}
					spacingSource={meta?.pixelSpacingSource ?? null}
				/>
			)}
			<div className="viewer-overlay" aria-hidden="true">
				{showPatient && (
					<div className="tl" data-testid="overlay-patient">
						<div>{study.patientName || 'Unnamed patient'}</div>
						<div>
							{study.patientId}
							{study.patientSex ? ` · ${study.patientSex}` : ''}
							{study.patientAge ? ` · ${study.patientAge}` : ''}
						</div>
					</div>
				)}
				<div className="tr">
					<div>{formatDate(study.studyDate)}</div>
					<div>
						{[image.modality ?? study.modality, image.viewPosition].filter(Boolean).join(' ')} · image{' '}
						{imageIndex + 1}/{study.images.length}
					</div>
				</div>
				<div className="bl" data-testid="overlay-wl">
					{state && (
						<>
							W {Math.round(state.windowWidth)} / L {Math.round(state.windowCenter)}
							{state.invert ? ' · inverted' : ''}
							<br />
							Zoom {(state.scale * 100).toFixed(0)}%
							<br />
							<span data-testid="overlay-transform">{viewDescription(state)}</span>
						</>
					)}
				</div>
				<div className="br" data-testid="overlay-probe">
					{probe
						? `x ${probe.x} y ${probe.y}: ` +
							(typeof probe.value === 'number' ? round(probe.value) : probe.value)
						: ''}
				</div>
			</div>
		</div>
	);
});

/** Every control passed through to the viewport the cell holds now. */
function forward(get: () => ViewportControls | null): ViewportControls {
	return {
		setWindow: (c, w) => get()?.setWindow(c, w),
		fileWindow: () => get()?.fileWindow(),
		invert: () => get()?.invert(),
		rotate: (d) => get()?.rotate(d),
		flip: (a) => get()?.flip(a),
		zoomBy: (f) => get()?.zoomBy(f),
		fit: () => get()?.fit(),
		reset: () => get()?.reset(),
		toCanvas: (p) => get()?.toCanvas(p) ?? null,
	};
}

function formatDate(d: string | null): string {
	return d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : (d ?? '');
}

function round(v: number): string {
	return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
