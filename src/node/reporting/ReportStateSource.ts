import type { ReportState } from '../../common/api/reportContract.js';

/** The report pane's view of one study, as every workflow step returns it. */
export interface ReportStateSource {
	state(studyId: number): Promise<ReportState>;
}
