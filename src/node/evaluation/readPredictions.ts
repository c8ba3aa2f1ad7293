import fs from 'node:fs';
import { instructTasks, type RadialogTask } from '../../common/radialog/instructTemplates.js';
import { lowerCaseCsvRecords } from './lowerCaseCsvRecords.js';
import { pickField } from './pickField.js';
import { dicomColumns, UnreadableDataset } from './readEvalDataset.js';

/** Generated answers keyed by `predictionKey`. */
export type Predictions = Map<string, string>;

/** Report generation is keyed by the dicom id alone; other tasks by "dicom#task". */
export function predictionKey(dicom: string, task: RadialogTask): string {
	return task === 'RG' ? dicom : `${dicom}#${task}`;
}

const predictionColumns = ['prediction', 'predicted_report', 'generated', 'report', 'text', 'output'] as const;
const tasks: readonly string[] = ['RG', ...instructTasks];

function taskFrom(value: unknown, where: string): RadialogTask {
	if (value === undefined || value === '') return 'RG';
	if (typeof value !== 'string' || !tasks.includes(value))
		throw new UnreadableDataset(`${where}: unknown task ${JSON.stringify(value)} (one of ${tasks.join(', ')})`);
	return value as RadialogTask;
}

/**
 * Predictions as JSON ({"dicom id": "report", …}, or a list of {dicom, prediction, task?}) or as CSV
 * (dicom_id, prediction[, task]). A prediction without a task is a generated report (RG).
 */
export function readPredictions(file: string): Predictions {
	const text = fs.readFileSync(file, 'utf8');
	const out: Predictions = new Map();
	const trimmed = text.trimStart();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		const data: unknown = JSON.parse(text);
		if (Array.isArray(data)) {
			data.forEach((item: unknown, i) => {
				const o = (item ?? {}) as Record<string, unknown>;
				const dicom = dicomColumns.map((c) => o[c]).find((v) => typeof v === 'string');
				const prediction = predictionColumns.map((c) => o[c]).find((v) => typeof v === 'string');
				if (typeof dicom !== 'string' || typeof prediction !== 'string')
					throw new UnreadableDataset(`${file}: item ${i} needs a dicom id and a prediction`);
				out.set(predictionKey(dicom, taskFrom(o.task, `${file}: item ${i}`)), prediction);
			});
		} else {
			for (const [dicom, prediction] of Object.entries(data as Record<string, unknown>)) {
				if (typeof prediction !== 'string')
					throw new UnreadableDataset(`${file}: the prediction for "${dicom}" is not a string`);
				out.set(dicom, prediction);
			}
		}
		return out;
	}
	lowerCaseCsvRecords(text).forEach((r, i) => {
		const dicom = pickField(r, dicomColumns)?.trim();
		const prediction = pickField(r, predictionColumns);
		if (!dicom || prediction === undefined)
			throw new UnreadableDataset(`${file}: row ${i + 2} needs a dicom id and a prediction column`);
		out.set(predictionKey(dicom, taskFrom(r.task, `${file}: row ${i + 2}`)), prediction);
	});
	return out;
}
