import { useCallback, useEffect, useRef, useState } from 'react';
import type { PriorStudy } from '../../../src/common/api/priorsContract.js';
import type { StudyDetail } from '../../../src/common/api/studiesContract.js';
import { useClient } from '../api/ClientContext.js';
import type { ViewportControls } from '../viewer/cornerstone/CornerstoneViewport.js';
import { useFrameSource } from '../viewer/cornerstone/radialogImageLoader.js';
import { isTextField } from '../viewer/isTextField.js';
import { ComparedImage } from './ComparedImage.js';
import { PriorReportText } from './PriorReportText.js';
import { useCloseOnEscape } from './useCloseOnEscape.js';

interface Props {
	studyId: number;
	prior: PriorStudy;
	onClose: () => void;
}

/**
 * The current frontal image and the prior's side by side, window/level, zoom and pan linked (a change to
 * one is repeated on the other), the prior's report below them. Esc, P or the close button go back.
 */
export function PriorComparison({ studyId, prior, onClose }: Props) {
	const { api } = useClient();
	const [current, setCurrent] = useState<StudyDetail | null>(null);
	const [previous, setPrevious] = useState<StudyDetail | null>(null);
	const [error, setError] = useState<string | null>(null);
	const views = useRef<{ current: ViewportControls | null; prior: ViewportControls | null }>({
		current: null,
		prior: null,
	});
	const root = useRef<HTMLElement>(null);
	useCloseOnEscape(onClose, root);

	useFrameSource(
		useCallback(async (instanceId: number, frame: number) => api['image.frame']({ instanceId, frame }), [api]),
	);

	useEffect(() => {
		let live = true;
		setError(null);
		const fail = (e: Error) => live && setError(`The images cannot be compared: ${e.message}`);
		api['study.get']({ studyId }).then((s) => live && setCurrent(s), fail);
		if (prior.studyId !== null)
			api['study.get']({ studyId: prior.studyId }).then((s) => live && setPrevious(s), fail);
		return () => {
			live = false;
		};
	}, [api, studyId, prior.studyId]);

	useEffect(() => root.current?.focus(), [prior.studyInstanceUid]);

	const act = (f: (v: ViewportControls) => void) => {
		if (views.current.current) f(views.current.current);
	};
	const onKey = (e: React.KeyboardEvent) => {
		if (isTextField(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
		const keys: Record<string, () => void> = {
			p: onClose,
			'+': () => act((v) => v.zoomBy(1.25)),
			'-': () => act((v) => v.zoomBy(0.8)),
		};
		const action = keys[e.key];
		if (action) {
			e.preventDefault();
			action();
		}
	};

	return (
		<section
			className="prior-compare"
			aria-label="Current and prior images"
			data-testid="prior-compare"
			data-prior-study-id={prior.studyId ?? ''}
			ref={root}
			tabIndex={0}
			onKeyDown={onKey}
			onPointerDown={(e) => {
				if (!(e.target as Element).closest('button, input, select, textarea, a')) root.current?.focus();
			}}
		>
			<div className="viewer-toolbar" role="toolbar" aria-label="Comparison tools">
				<button onClick={onClose} title="Back to the single view (Esc or P)" data-testid="prior-compare-close">
					✕ Single view
				</button>
				<button onClick={() => act((v) => v.zoomBy(1.25))} title="Zoom both in (+)">
					Zoom +
				</button>
				<button onClick={() => act((v) => v.zoomBy(0.8))} title="Zoom both out (−)">
					Zoom −
				</button>
				<span className="muted">Window/level, zoom and pan are linked: drag either image.</span>
			</div>
			{error && (
				<div className="banner banner-error" role="alert">
					{error}
				</div>
			)}
			<div className="prior-compare-images">
				<ComparedImage
					which="current"
					study={current}
					ref={(v) => {
						views.current.current = v;
					}}
					onChange={(c) => views.current.prior?.follow?.(c)}
					onError={(m) => setError(`The current image cannot be shown: ${m}`)}
				/>
				<ComparedImage
					which="prior"
					study={previous}
					ref={(v) => {
						views.current.prior = v;
					}}
					onChange={(c) => views.current.current?.follow?.(c)}
					onError={(m) => setError(`The prior image cannot be shown: ${m}`)}
				/>
			</div>
			<PriorReportText prior={prior} />
		</section>
	);
}
