import { useCallback, useEffect, useRef, useState } from 'react';
import type { PriorStudy } from '../../../src/common/api/priorsContract.js';
import { ViewerPane } from '../viewer/ViewerPane.js';
import { isTextField } from '../viewer/isTextField.js';
import { ReportPane } from '../report/ReportPane.js';
import { usePacsRetrieval } from '../worklist/usePacsRetrieval.js';
import { PatientBanner } from './PatientBanner.js';
import { PriorComparison } from './PriorComparison.js';
import { PriorsList } from './PriorsList.js';
import { usePriors } from './usePriors.js';
import './priors.css';

/**
 * The reading screen: the patient banner above, images on the left with the patient's priors under them,
 * findings, draft and conversation on the right. A prior chosen shows beside the current image.
 */
export function StudyView({
	studyId,
	onClose,
	onOpenStudy,
}: {
	studyId: number;
	onClose: () => void;
	onOpenStudy?: (studyId: number) => void;
}) {
	const { priors, error, notes, reload } = usePriors(studyId);
	const [comparing, setComparing] = useState<PriorStudy | null>(null);
	// The prior the reader chose last: a PACS one is shown once retrieved, unless another was chosen since.
	const chosen = useRef<PriorStudy | null>(null);
	const compare = useCallback((prior: PriorStudy | null) => {
		chosen.current = prior;
		setComparing(prior);
	}, []);
	useEffect(() => compare(null), [studyId, compare]);
	const closeComparison = useCallback(() => compare(null), [compare]);
	const { states: retrievals, retrieve } = usePacsRetrieval(
		useCallback(
			(retrievedId: number, uid: string) => {
				reload();
				const wanted = chosen.current;
				if (wanted?.studyInstanceUid === uid) setComparing({ ...wanted, studyId: retrievedId });
			},
			[reload],
		),
	);
	const choose = (prior: PriorStudy) => {
		if (prior.studyId !== null || !prior.pacsId) return compare(prior);
		// On the PACS: brought here first (progress in its entry), then shown beside the current image.
		chosen.current = prior;
		void retrieve({ pacsId: prior.pacsId, studyInstanceUid: prior.studyInstanceUid });
	};
	const newest = priors?.find((p) => p.studyId !== null) ?? null;

	// P, in the images: the newest prior beside the current image (the comparison's own P closes it).
	const onKey = (e: React.KeyboardEvent) => {
		if (e.defaultPrevented || isTextField(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
		if (e.key === 'p' && newest && !comparing) {
			e.preventDefault();
			compare(newest);
		}
	};

	return (
		<div className="study-view" data-testid="study-view" data-study-id={studyId}>
			<PatientBanner studyId={studyId} />
			<div className="study-view-images" onKeyDown={onKey}>
				{comparing ? (
					<PriorComparison studyId={studyId} prior={comparing} onClose={closeComparison} />
				) : (
					<ViewerPane studyId={studyId} onClose={onClose} {...(onOpenStudy ? { onOpenStudy } : {})} />
				)}
				<PriorsList
					priors={priors}
					error={error}
					notes={notes}
					retrievals={retrievals}
					comparing={comparing}
					onCompare={choose}
				/>
			</div>
			<div className="study-view-report">
				<ReportPane studyId={studyId} />
			</div>
		</div>
	);
}
