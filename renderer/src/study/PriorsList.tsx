import type { PriorStudy } from '../../../src/common/api/priorsContract.js';
import { formatDicomDate } from '../../../src/common/api/worklistContract.js';

interface Props {
	priors: PriorStudy[] | null;
	error: string | null;
	/** The prior shown beside the current image, if any. */
	comparing: PriorStudy | null;
	onCompare: (prior: PriorStudy) => void;
}

/** The patient's other studies under the images; one click shows one beside the current image. */
export function PriorsList({ priors, error, comparing, onCompare }: Props) {
	return (
		<nav className="priors-list" aria-label="Earlier studies of this patient" data-testid="priors-list">
			<span className="priors-title" title="P compares with the newest prior; P or Esc goes back">
				Priors <kbd>P</kbd>
			</span>
			{error && <span className="priors-error">{error}</span>}
			{priors && priors.length === 0 && <span className="muted">No other studies of this patient.</span>}
			{priors?.map((p) => (
				<button
					key={p.studyInstanceUid}
					className={`priors-item${comparing?.studyInstanceUid === p.studyInstanceUid ? ' pressed' : ''}`}
					onClick={() => onCompare(p)}
					disabled={p.studyId === null}
					aria-pressed={comparing?.studyInstanceUid === p.studyInstanceUid}
					data-testid="prior-item"
					data-study-id={p.studyId ?? ''}
					data-status={p.status}
					title={
						p.studyId === null ? 'On the PACS: not in this workstation' : 'Show beside the current image'
					}
				>
					<span className="priors-date">{formatDicomDate(p.studyDate) || 'No date'}</span>
					<span>{[p.modality, p.description].filter(Boolean).join(' · ')}</span>
					<span className={p.status === 'signed' ? 'priors-signed' : 'priors-unsigned'}>
						{p.source === 'pacs' ? 'on PACS' : p.status === 'signed' ? 'signed' : 'not signed'}
					</span>
				</button>
			))}
		</nav>
	);
}
