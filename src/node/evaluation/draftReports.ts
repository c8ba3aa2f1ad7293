import type { AssistantImage, ReportAssistant } from '../../common/radialog/ReportAssistant.js';
import type { EvalSample } from './readEvalDataset.js';
import type { Predictions } from './readPredictions.js';

export interface DraftFailure {
	readonly dicom: string;
	readonly reason: string;
}

/**
 * Drafts a report for every image the dataset asks a report of, the way the workstation does: the
 * classifier's positive findings, then the first turn (report generation) with them. Images that cannot
 * be read (missing, undecodable) are listed, not fatal, so one bad file does not sink a long run; a
 * failing model is fatal.
 */
export async function draftReports(
	samples: readonly EvalSample[],
	assistant: ReportAssistant,
	imageOf: (dicom: string) => Promise<AssistantImage>,
	onProgress?: (done: number, total: number) => void,
): Promise<{ predictions: Predictions; failures: DraftFailure[] }> {
	const dicoms = [...new Set(samples.filter((s) => s.task === 'RG').map((s) => s.dicom))];
	const predictions: Predictions = new Map();
	const failures: DraftFailure[] = [];
	for (const [i, dicom] of dicoms.entries()) {
		let image: AssistantImage;
		try {
			image = await imageOf(dicom);
		} catch (err) {
			failures.push({ dicom, reason: err instanceof Error ? err.message : String(err) });
			onProgress?.(i + 1, dicoms.length);
			continue;
		}
		const findings = (await assistant.predictFindings(image)).filter((f) => f.positive).map((f) => f.label);
		predictions.set(dicom, (await assistant.draftReport({ image, findings })).text);
		onProgress?.(i + 1, dicoms.length);
	}
	return { predictions, failures };
}
