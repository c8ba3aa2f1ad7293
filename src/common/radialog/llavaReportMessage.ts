import { chexpertLabels, type ChexpertLabel } from '../domain/chexpert.js';
import { IMAGE_MARKER } from './vicunaPrompt.js';

/**
 * The first user turn of RaDialog-LLaVA. The wording is the reference's word for word
 * (github.com/ChantalMP/RaDialog_LLaVA, `vicuna_prompts.json`, entry `..._IMG_findings`, as `test.py` and
 * `demo.py` use it): the model was trained on exactly this text. The image marker opens the message.
 * Findings as `test.py` writes them: positive labels in CheXpert order, lower-case, joined by ", ";
 * "No Finding" dropped when a label other than No Finding and Support Devices is positive; "no common
 * findings" when none is.
 */
export function renderLlavaReportMessage(positive: readonly ChexpertLabel[]): string {
	const set = new Set(positive);
	let labels = chexpertLabels.filter((l) => set.has(l));
	const others = labels.filter((l) => l !== 'No Finding' && l !== 'Support Devices');
	if (others.length) labels = labels.filter((l) => l !== 'No Finding');
	const findings = labels.length ? labels.map((l) => l.toLowerCase()).join(', ') : 'no common findings';
	return (
		`${IMAGE_MARKER}. Predicted Findings: ${findings}. You are to act as a radiologist and write the finding ` +
		'section of a chest x-ray radiology report for this X-ray image and the given predicted findings. ' +
		'Write in the style of a radiologist, write one fluent text without enumeration, be concise and ' +
		"don't provide explanations or reasons."
	);
}
