import { ViewerPane } from '../viewer/ViewerPane.js';
import { ReportPane } from '../report/ReportPane.js';
import { PatientBanner } from './PatientBanner.js';

/** The reading screen: the patient banner above, images on the left, findings, draft and conversation on the right. */
export function StudyView({
	studyId,
	onClose,
	onOpenStudy,
}: {
	studyId: number;
	onClose: () => void;
	onOpenStudy?: (studyId: number) => void;
}) {
	return (
		<div className="study-view" data-testid="study-view" data-study-id={studyId}>
			<PatientBanner studyId={studyId} />
			<div className="study-view-images">
				<ViewerPane studyId={studyId} onClose={onClose} {...(onOpenStudy ? { onOpenStudy } : {})} />
			</div>
			<div className="study-view-report">
				<ReportPane studyId={studyId} />
			</div>
		</div>
	);
}
