import type { AssistantImage, ReportAssistant } from '../../common/radialog/ReportAssistant.js';
import { followUpParts } from './instructTask.js';
import type { EvalSample } from './readEvalDataset.js';
import { predictionKey, type Predictions } from './readPredictions.js';

export interface DraftFailure {
	readonly dicom: string;
	readonly reason: string;
}

/**
 * Drafts what the dataset asks of each image, the way the workstation does: the classifier's positive
 * findings, then report generation with them. With `followUps`, every other task of an instruct dataset
 * is asked too, as a second turn after the record's own first answer, with the record's question word
 * for word. Images that cannot be read (missing, undecodable) are listed, not fatal, so one bad file
 * does not sink a long run; a failing model is fatal.
 */
export async function draftReports(
	samples: readonly EvalSample[],
	assistant: ReportAssistant,
	imageOf: (dicom: string) => Promise<AssistantImage>,
	options: { followUps?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ predictions: Predictions; failures: DraftFailure[] }> {
	const wanted = samples.filter(
		(s) => s.task === 'RG' || (options.followUps && s.instruction && followUpParts(s.instruction)),
	);
	const byDicom = new Map<string, EvalSample[]>();
	for (const s of wanted) byDicom.set(s.dicom, [...(byDicom.get(s.dicom) ?? []), s]);
	const predictions: Predictions = new Map();
	const failures: DraftFailure[] = [];
	let done = 0;
	for (const [dicom, asks] of byDicom) {
		let image: AssistantImage;
		try {
			image = await imageOf(dicom);
		} catch (err) {
			failures.push({ dicom, reason: err instanceof Error ? err.message : String(err) });
			options.onProgress?.((done += asks.length), wanted.length);
			continue;
		}
		const findings = (await assistant.predictFindings(image)).filter((f) => f.positive).map((f) => f.label);
		for (const s of asks) {
			const parts = s.task === 'RG' ? null : followUpParts(s.instruction!)!;
			const answer = parts
				? await assistant.followUp({
						image,
						findings,
						report: parts.report,
						history: [],
						request: { task: 'free', text: parts.message },
					})
				: await assistant.draftReport({ image, findings });
			predictions.set(predictionKey(dicom, s.task), answer.text);
			options.onProgress?.(++done, wanted.length);
		}
	}
	return { predictions, failures };
}
