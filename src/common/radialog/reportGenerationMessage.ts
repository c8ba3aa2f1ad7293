import type { ChexpertLabel } from '../domain/chexpert.js';
import { chexpertLabels } from '../domain/chexpert.js';
import { IMAGE_MARKER } from './vicunaPrompt.js';

/**
 * The predicted findings as the report-generation message names them (docs/radialog.md, section 3): positive labels in
 * CheXpert order, lower-case, joined by ", "; "No Finding" dropped when anything else is positive;
 * "no common findings" when nothing is.
 */
export function formatFindings(positive: readonly ChexpertLabel[]): string {
	const set = new Set(positive);
	let labels = chexpertLabels.filter((l) => set.has(l));
	if (labels.length > 1) labels = labels.filter((l) => l !== 'No Finding');
	if (!labels.length) return 'no common findings';
	return labels.map((l) => l.toLowerCase()).join(', ');
}

/** The first user turn: the image, the predicted findings and the instruction to write the findings section. */
export function renderReportGenerationMessage(positive: readonly ChexpertLabel[]): string {
	return (
		`Image information: ${IMAGE_MARKER}. Predicted Findings: ${formatFindings(positive)}. ` +
		'Acting as a radiologist, write the findings section of a chest X-ray report for this image and the ' +
		'predicted findings given. Write like a radiologist: one fluent text without lists, concise, with no ' +
		'explanations or reasons.'
	);
}
