import { labelReport } from './labelReport.js';
import type { ReportLabeler } from './ReportLabeler.js';
import type { ReportLabels } from './ReportLabels.js';

/** The default labeler: phrase tables and cue rules, no model, runs anywhere. */
export class RuleBasedReportLabeler implements ReportLabeler {
	readonly name = 'rules';

	label(texts: readonly string[]): Promise<ReportLabels[]> {
		return Promise.resolve(texts.map(labelReport));
	}

	close(): Promise<void> {
		return Promise.resolve();
	}
}
