import { forwardRef, useState } from 'react';
import type { StudyDetail } from '../../../src/common/api/studiesContract.js';
import { formatDicomDate } from '../../../src/common/api/worklistContract.js';
import {
	CornerstoneViewport,
	type ViewportControls,
	type ViewportState,
} from '../viewer/cornerstone/CornerstoneViewport.js';
import { imageIdFor } from '../viewer/cornerstone/radialogImageLoader.js';
import type { ViewChange } from '../viewer/linkedView.js';

interface Props {
	which: 'current' | 'prior';
	study: StudyDetail | null;
	onChange: (change: ViewChange) => void;
	onError: (message: string) => void;
}

/** The frontal view, else the first image. */
function frontalIndex(study: StudyDetail): number {
	const i = study.images.findIndex((im) => ['PA', 'AP'].includes((im.viewPosition ?? '').trim().toUpperCase()));
	return Math.max(0, i);
}

/** One side of the comparison: the study's frontal image under a label no one can mistake. */
export const ComparedImage = forwardRef<ViewportControls, Props>(function ComparedImage(
	{ which, study, onChange, onError },
	ref,
) {
	const [state, setState] = useState<ViewportState | null>(null);
	const image = study?.images[frontalIndex(study)];
	const date = formatDicomDate(study?.studyDate) || 'undated';
	return (
		<div className={`viewer-main compared-${which}`} data-testid={`compared-${which}`}>
			<CornerstoneViewport
				ref={ref}
				imageId={image ? imageIdFor(image.instanceId) : null}
				onState={setState}
				onChange={onChange}
				onError={onError}
				className="viewer-canvas"
				testId={`${which}-viewport`}
			/>
			<div className={`compared-label compared-label-${which}`} data-testid={`${which}-label`}>
				{which === 'prior' ? 'PRIOR' : 'CURRENT'} {date}
			</div>
			{study && !image && <p className="muted viewer-empty">This study has no images.</p>}
			<div className="viewer-overlay" aria-hidden="true">
				<div className="tr">
					{[image?.modality ?? study?.modality, image?.viewPosition, study?.description]
						.filter(Boolean)
						.join(' · ')}
				</div>
				<div className="bl">
					{state && (
						<>
							W {Math.round(state.windowWidth)} / L {Math.round(state.windowCenter)}
							<br />
							Zoom {(state.scale * 100).toFixed(0)}%
						</>
					)}
				</div>
			</div>
		</div>
	);
});
