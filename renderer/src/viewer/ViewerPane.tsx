import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StudyDetail } from '../../../src/common/api/studiesContract.js';
import { useClient } from '../api/ClientContext.js';
import {
	CornerstoneViewport,
	type ProbeValue,
	type ViewportControls,
	type ViewportState,
} from './cornerstone/CornerstoneViewport.js';
import { imageIdFor, useFrameSource } from './cornerstone/radialogImageLoader.js';
import { windowPresets } from './windowPresets.js';
import { currentWorklistFilter } from '../worklist/worklistSession.js';
import { usePlaceSaved } from '../worklist/usePlaceSaved.js';
import { isTextField } from './isTextField.js';
import { useEscapeToWorklist } from './useEscapeToWorklist.js';
import './viewer.css';

interface Props {
	studyId: number;
	onClose: () => void;
	/** Opens another study (next/previous); absent where the host does not support it. */
	onOpenStudy?: (studyId: number) => void;
}

/** Images of the open study: one large viewport, thumbnails for the other views, an overlay and a toolbar. */
export function ViewerPane({ studyId, onClose, onOpenStudy }: Props) {
	const { api } = useClient();
	const [study, setStudy] = useState<StudyDetail | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [current, setCurrent] = useState(0);
	const [frame, setFrame] = useState(0);
	const [state, setState] = useState<ViewportState | null>(null);
	const [probe, setProbe] = useState<ProbeValue | null>(null);
	const [ranges, setRanges] = useState<Record<number, { min: number; max: number }>>({});
	const viewport = useRef<ViewportControls>(null);
	const pane = useRef<HTMLElement>(null);
	const placeSaved = usePlaceSaved();
	useEscapeToWorklist(onClose, pane);

	useFrameSource(
		useCallback(
			async (instanceId: number, frame: number) => {
				const r = await api['image.frame']({ instanceId, frame });
				setRanges((m) => ({ ...m, [instanceId]: { min: r.meta.minValue, max: r.meta.maxValue } }));
				return r;
			},
			[api],
		),
	);

	useEffect(() => {
		let live = true;
		setStudy(null);
		setError(null);
		setCurrent(0);
		setState(null);
		api['study.get']({ studyId }).then(
			(s) => {
				if (live) setStudy(s);
			},
			(e: Error) => {
				if (live) setError(e.message);
			},
		);
		return () => {
			live = false;
		};
	}, [api, studyId]);

	const image = study?.images[current] ?? null;
	const frames = image?.frames ?? 1;
	useEffect(() => {
		setFrame(0);
	}, [current, studyId]);
	const imageId = image ? imageIdFor(image.instanceId, Math.min(frame, frames - 1)) : null;
	const range = image ? ranges[image.instanceId] : undefined;
	const presets = useMemo(() => (range ? windowPresets(range.min, range.max) : []), [range]);

	const go = useCallback(
		async (direction: 'next' | 'previous') => {
			if (!onOpenStudy) return;
			const r = await api['study.adjacent']({ studyId, direction, worklist: currentWorklistFilter() });
			if (r.studyId !== null) onOpenStudy(r.studyId);
		},
		[api, onOpenStudy, studyId],
	);

	useEffect(() => {
		pane.current?.focus();
	}, [studyId]);

	// The viewer's keys act only while it has focus, never on typing, never with a modifier (Ctrl+R reloads).
	const onKey = (e: React.KeyboardEvent) => {
		if (isTextField(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
		const v = viewport.current;
		const keys: Record<string, () => void> = {
			i: () => v?.invert(),
			r: () => v?.rotate(90),
			R: () => v?.rotate(-90),
			h: () => v?.flip('h'),
			v: () => v?.flip('v'),
			f: () => v?.fit(),
			'0': () => v?.reset(),
			'+': () => v?.zoomBy(1.25),
			'-': () => v?.zoomBy(0.8),
			']': () => setCurrent((c) => Math.min((study?.images.length ?? 1) - 1, c + 1)),
			'[': () => setCurrent((c) => Math.max(0, c - 1)),
			PageDown: () => void go('next'),
			PageUp: () => void go('previous'),
			'.': () => setFrame((f) => Math.min(frames - 1, f + 1)),
			',': () => setFrame((f) => Math.max(0, f - 1)),
		};
		presets.forEach((p, i) => {
			keys[String(i + 1)] = () => v?.setWindow(p.center, p.width);
		});
		const action = keys[e.key];
		if (action) {
			e.preventDefault();
			action();
		}
	};

	return (
		<section
			className="viewer-pane"
			aria-label="Images"
			data-testid="viewer"
			data-study-id={studyId}
			data-place-saved={placeSaved}
			ref={pane}
			tabIndex={0}
			onKeyDown={onKey}
			onPointerDown={(e) => {
				// The image takes the keyboard (its drag handler prevents the browser's own focus change);
				// the toolbar's buttons take it themselves.
				if (!(e.target as Element).closest('button, input, select, textarea, a')) pane.current?.focus();
			}}
		>
			<div className="viewer-toolbar" role="toolbar" aria-label="Image tools">
				<button onClick={onClose} title="Back to the worklist (Esc)">
					◀ Worklist
				</button>
				{onOpenStudy && (
					<>
						<button
							onClick={() => void go('previous')}
							title="Previous study (Page Up)"
							data-testid="previous-study"
						>
							↑ Prev
						</button>
						<button onClick={() => void go('next')} title="Next study (Page Down)" data-testid="next-study">
							↓ Next
						</button>
					</>
				)}
				<span className="viewer-sep" />
				<button onClick={() => viewport.current?.fileWindow()} title="Window from the file">
					File W/L
				</button>
				{presets.map((p, i) => (
					<button
						key={p.name}
						onClick={() => viewport.current?.setWindow(p.center, p.width)}
						title={`${p.name} (${i + 1})`}
						data-testid={`preset-${i + 1}`}
					>
						{p.name}
					</button>
				))}
				<span className="viewer-sep" />
				<button onClick={() => viewport.current?.invert()} title="Invert (I)" data-testid="invert">
					Invert
				</button>
				<button onClick={() => viewport.current?.rotate(90)} title="Rotate 90° (R)">
					⟳
				</button>
				<button onClick={() => viewport.current?.flip('h')} title="Flip horizontally (H)">
					⇋
				</button>
				<button onClick={() => viewport.current?.flip('v')} title="Flip vertically (V)">
					⇵
				</button>
				<button onClick={() => viewport.current?.zoomBy(1.25)} title="Zoom in (+)" data-testid="zoom-in">
					Zoom +
				</button>
				<button onClick={() => viewport.current?.zoomBy(0.8)} title="Zoom out (−)">
					Zoom −
				</button>
				<button onClick={() => viewport.current?.fit()} title="Fit to window (F)">
					Fit
				</button>
				<button onClick={() => viewport.current?.reset()} title="Reset (0)" data-testid="reset">
					Reset
				</button>
				{frames > 1 && (
					<>
						<span className="viewer-sep" />
						<button onClick={() => setFrame((f) => Math.max(0, f - 1))} title="Previous frame (,)">
							‹
						</button>
						<span data-testid="frame-counter">
							Frame {frame + 1}/{frames}
						</span>
						<button
							onClick={() => setFrame((f) => Math.min(frames - 1, f + 1))}
							title="Next frame (.)"
							data-testid="next-frame"
						>
							›
						</button>
					</>
				)}
			</div>
			{error && (
				<div className="banner banner-error" role="alert">
					{error}
				</div>
			)}
			<div className="viewer-body">
				{study && study.images.length > 1 && (
					<nav className="viewer-thumbnails" aria-label="Views" data-testid="thumbnails">
						{study.images.map((im, i) => (
							<button
								key={im.instanceId}
								className={`viewer-thumb${i === current ? ' selected' : ''}`}
								onClick={() => setCurrent(i)}
								aria-pressed={i === current}
								data-testid="thumbnail"
								title={im.viewPosition ?? `Image ${i + 1}`}
							>
								<CornerstoneViewport
									imageId={imageIdFor(im.instanceId)}
									interactive={false}
									className="viewer-thumb-image"
								/>
								<span>{im.viewPosition ?? `#${i + 1}`}</span>
							</button>
						))}
					</nav>
				)}
				<div className="viewer-main">
					{study && study.images.length === 0 && (
						<p className="muted viewer-empty">This study has no images.</p>
					)}
					<CornerstoneViewport
						ref={viewport}
						imageId={imageId}
						onState={setState}
						onProbe={setProbe}
						onError={(m) => setError(`The image cannot be shown: ${m}`)}
						className="viewer-canvas"
						testId="viewport"
					/>
					{study && image && (
						<div className="viewer-overlay" aria-hidden="true">
							<div className="tl" data-testid="overlay-patient">
								<div>{study.patientName || 'Unnamed patient'}</div>
								<div>
									{study.patientId}
									{study.patientSex ? ` · ${study.patientSex}` : ''}
									{study.patientAge ? ` · ${study.patientAge}` : ''}
								</div>
							</div>
							<div className="tr">
								<div>{formatDate(study.studyDate)}</div>
								<div>
									{[image.modality ?? study.modality, image.viewPosition].filter(Boolean).join(' ')} ·
									image {current + 1}/{study.images.length}
								</div>
							</div>
							<div className="bl" data-testid="overlay-wl">
								{state && (
									<>
										W {Math.round(state.windowWidth)} / L {Math.round(state.windowCenter)}
										{state.invert ? ' · inverted' : ''}
										<br />
										Zoom {(state.scale * 100).toFixed(0)}%
										{state.rotation ? ` · ${state.rotation}°` : ''}
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
					)}
				</div>
			</div>
		</section>
	);
}

function formatDate(d: string | null): string {
	return d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : (d ?? '');
}

function round(v: number): string {
	return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
