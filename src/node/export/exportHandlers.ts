import type { ApiHandlers } from '../../common/api/contract.js';
import type { ReportExports } from './ReportExports.js';

/** The export calls: a report's files, and the instruct dataset of every study. */
export function exportHandlers(exports: ReportExports): Pick<ApiHandlers, 'report.export' | 'report.exportDataset'> {
	return {
		'report.export': async ({ studyId, formats, includeKeyImage, handoutOverride }) => ({
			files: await exports.export(studyId, formats, {
				includeKeyImage,
				...(handoutOverride ? { handoutOverride } : {}),
			}),
		}),
		'report.exportDataset': () => Promise.resolve(exports.exportDataset()),
	};
}
