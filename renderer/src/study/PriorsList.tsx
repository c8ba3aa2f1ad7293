import type { PriorStudy } from '../../../src/common/api/priorsContract.js';
import { formatDicomDate } from '../../../src/common/api/worklistContract.js';

/** A PACS prior being brought here: its progress in words and as a fraction, or why it failed. */
export interface PriorRetrieval {
	readonly label: string;
	readonly fraction: number | null;
	readonly error: string | null;
}

interface Props {
	priors: PriorStudy[] | null;
	error: string | null;
	/** Places that could not be searched ("PACS not reachable: …"), shown under the list. */
	notes?: readonly string[];
	/** PACS priors being retrieved, by Study Instance UID. */
	retrievals?: Readonly<Record<string, PriorRetrieval>>;
	/** The prior shown beside the current image, if any. */
	comparing: PriorStudy | null;
	onCompare: (prior: PriorStudy) => void;
}

/** Where a prior is, or how far its retrieval from the PACS has come. */
function whereLabel(p: PriorStudy, retrieval: PriorRetrieval | undefined) {
	if (p.source === 'pacs' && retrieval)
		return (
			<span className={retrieval.error ? 'priors-error' : 'priors-retrieving'} data-testid="prior-retrieval">
				{retrieval.error ?? retrieval.label}
				{!retrieval.error && <progress max={1} value={retrieval.fraction ?? undefined} />}
			</span>
		);
	if (p.source === 'pacs') return <span className="priors-on-pacs">on PACS</span>;
	return (
		<span className={p.status === 'signed' ? 'priors-signed' : 'priors-unsigned'}>
			{p.status === 'signed' ? 'signed' : 'not signed'}
		</span>
	);
}

/**
 * The patient's other studies under the images; one click shows one beside the current image (one on the
 * PACS is retrieved first).
 */
export function PriorsList({ priors, error, notes = [], retrievals = {}, comparing, onCompare }: Props) {
	return (
		<nav className="priors-list" aria-label="Earlier studies of this patient" data-testid="priors-list">
			<span className="priors-title" title="P compares with the newest prior; P or Esc goes back">
				Priors <kbd>P</kbd>
			</span>
			{error && <span className="priors-error">{error}</span>}
			{priors && priors.length === 0 && <span className="muted">No other studies of this patient.</span>}
			{priors?.map((p) => {
				const onPacs = p.source === 'pacs' && p.studyId === null;
				return (
					<button
						key={p.studyInstanceUid}
						className={`priors-item${comparing?.studyInstanceUid === p.studyInstanceUid ? ' pressed' : ''}`}
						onClick={() => onCompare(p)}
						disabled={p.studyId === null && !p.pacsId}
						aria-pressed={comparing?.studyInstanceUid === p.studyInstanceUid}
						data-testid="prior-item"
						data-study-id={p.studyId ?? ''}
						data-status={p.status}
						data-source={p.source}
						title={
							onPacs
								? 'On the PACS: retrieve it and show it beside the current image'
								: 'Show beside the current image'
						}
					>
						<span className="priors-date">{formatDicomDate(p.studyDate) || 'No date'}</span>
						<span>{[p.modality, p.description].filter(Boolean).join(' · ')}</span>
						{whereLabel(p, retrievals[p.studyInstanceUid])}
					</button>
				);
			})}
			{notes.map((n) => (
				<span key={n} className="priors-note" role="status" data-testid="priors-note">
					{n}
				</span>
			))}
		</nav>
	);
}
