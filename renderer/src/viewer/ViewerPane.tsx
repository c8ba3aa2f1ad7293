import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FrameMeta, StudyDetail } from '../../../src/common/api/studiesContract.js';
import { useClient } from '../api/ClientContext.js';
import {
	CornerstoneViewport,
	type ViewerTool,
	type ViewportControls,
	type ViewportState,
} from './cornerstone/CornerstoneViewport.js';
import { frameMetaOf, imageIdFor, useFrameSource } from './cornerstone/radialogImageLoader.js';
import { windowPresets } from './windowPresets.js';
import { currentWorklistFilter } from '../worklist/worklistSession.js';
import { usePlaceSaved } from '../worklist/usePlaceSaved.js';
import { isTextField } from './isTextField.js';
import { useEscapeToWorklist } from './useEscapeToWorklist.js';
import { frontalAndLateral } from './frontalAndLateral.js';
import { ViewerToolbar } from './ViewerToolbar.js';
import { ViewportCell } from './ViewportCell.js';
import './viewer.css';

interface Props {
	studyId: number;
	onClose: () => void;
	/** Opens another study (next/previous); absent where the host does not support it. */
	onOpenStudy?: (studyId: number) => void;
}

/**
 * Images of the open study: frontal and lateral side by side when it has both, else one large
 * viewport; thumbnails for the other views; a toolbar whose tools act on the viewport last clicked.
 */
export function ViewerPane({ studyId, onClose, onOpenStudy }: Props) {
	const { api } = useClient();
	const [study, setStudy] = useState<StudyDetail | null>(null);
	const [error, setError] = useState<string | null>(null);
	/** The image each viewport shows, left to right. */
	const [layout, setLayout] = useState<number[]>([0]);
	const [active, setActive] = useState(0);
	const [frames, setFrames] = useState<number[]>([0, 0]);
	const [states, setStates] = useState<(ViewportState | null)[]>([]);
	const [metas, setMetas] = useState<Record<number, FrameMeta>>({});
	const [tool, setTool] = useState<ViewerTool>('window');
	const cells = useRef<(ViewportControls | null)[]>([]);
	const pane = useRef<HTMLElement>(null);
	const placeSaved = usePlaceSaved();
	useEscapeToWorklist(onClose, pane);

	useFrameSource(
		useCallback(
			async (instanceId: number, frame: number) => {
				const r = await api['image.frame']({ instanceId, frame });
				setMetas((m) => ({ ...m, [instanceId]: r.meta }));
				return r;
			},
			[api],
		),
	);

	useEffect(() => {
		let live = true;
		setStudy(null);
		setError(null);
		setStates([]);
		api['study.get']({ studyId }).then(
			(s) => {
				if (!live) return;
				const pair = frontalAndLateral(s.images);
				setLayout(pair ? [pair.frontal, pair.lateral] : [0]);
				setActive(0);
				setFrames([0, 0]);
				setStudy(s);
			},
			(e: Error) => {
				if (live) setError(e.message);
			},
		);
		return () => {
			live = false;
		};
	}, [api, studyId]);

	const pair = useMemo(() => (study ? frontalAndLateral(study.images) : null), [study]);
	const current = layout[active] ?? 0;
	const image = study?.images[current] ?? null;
	const frameCount = image?.frames ?? 1;
	const frame = frames[active] ?? 0;
	const meta = image ? (metas[image.instanceId] ?? frameMetaOf(image.instanceId)) : undefined;
	const presets = useMemo(() => (meta ? windowPresets(meta.minValue, meta.maxValue) : []), [meta]);
	const metaOf = (instanceId: number) => metas[instanceId] ?? frameMetaOf(instanceId);
	const act = (f: (v: ViewportControls) => void) => {
		const v = cells.current[active];
		if (v) f(v);
	};
	const show = (images: number[]) => {
		setLayout(images);
		setActive(0);
		setFrames([0, 0]);
		setStates([]);
	};
	const showImage = (i: number) => {
		if (!study) return;
		const index = Math.max(0, Math.min(study.images.length - 1, i));
		setLayout((l) => l.map((v, cell) => (cell === active ? index : v)));
		setFrames((f) => f.map((v, cell) => (cell === active ? 0 : v)));
	};
	const stepFrame = (by: number) =>
		setFrames((f) => f.map((v, cell) => (cell === active ? Math.max(0, Math.min(frameCount - 1, v + by)) : v)));
	const toggleSideBySide = () => {
		if (pair) show(layout.length === 2 ? [current] : [pair.frontal, pair.lateral]);
	};

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
		const keys: Record<string, () => void> = {
			i: () => act((v) => v.invert()),
			r: () => act((v) => v.rotate(90)),
			R: () => act((v) => v.rotate(-90)),
			h: () => act((v) => v.flip('h')),
			v: () => act((v) => v.flip('v')),
			f: () => act((v) => v.fit()),
			'0': () => act((v) => v.reset()),
			'+': () => act((v) => v.zoomBy(1.25)),
			'-': () => act((v) => v.zoomBy(0.8)),
			m: () => setTool((t) => (t === 'length' ? 'window' : 'length')),
			b: toggleSideBySide,
			']': () => showImage(current + 1),
			'[': () => showImage(current - 1),
			PageDown: () => void go('next'),
			PageUp: () => void go('previous'),
			'.': () => stepFrame(1),
			',': () => stepFrame(-1),
		};
		presets.forEach((p, i) => {
			keys[String(i + 1)] = () => act((v) => v.setWindow(p.center, p.width));
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
			data-tool={tool}
			ref={pane}
			tabIndex={0}
			onKeyDown={onKey}
			onPointerDown={(e) => {
				// The image takes the keyboard (its drag handler prevents the browser's own focus change);
				// the toolbar's buttons take it themselves.
				if (!(e.target as Element).closest('button, input, select, textarea, a')) pane.current?.focus();
			}}
		>
			<ViewerToolbar
				onClose={onClose}
				go={onOpenStudy ? (d) => void go(d) : undefined}
				presets={presets}
				act={act}
				view={states[active] ?? null}
				tool={tool}
				onTool={setTool}
				sideBySide={pair ? { on: layout.length === 2, toggle: toggleSideBySide } : undefined}
				frames={{ frame, count: frameCount, step: stepFrame }}
			/>
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
								className={`viewer-thumb${layout.includes(i) ? ' selected' : ''}`}
								onClick={() => show([i])}
								aria-pressed={layout.includes(i)}
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
				{study && study.images.length === 0 && (
					<div className="viewer-main">
						<p className="muted viewer-empty">This study has no images.</p>
					</div>
				)}
				{study &&
					study.images.length > 0 &&
					layout.map((imageIndex, cell) => (
						<ViewportCell
							key={`${cell}:${study.studyId}`}
							ref={(v) => {
								cells.current[cell] = v;
							}}
							study={study}
							imageIndex={imageIndex}
							frame={frames[cell] ?? 0}
							meta={metaOf(study.images[imageIndex]!.instanceId)}
							position={cell}
							active={cell === active}
							showPatient={cell === 0}
							tool={tool}
							onActivate={() => setActive(cell)}
							onState={(s) => setStates((all) => Object.assign([...all], { [cell]: s }))}
							onError={(m) => setError(`The image cannot be shown: ${m}`)}
						/>
					))}
			</div>
		</section>
	);
}
