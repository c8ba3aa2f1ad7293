import { datasetImagePlaceholders } from '../dataset/datasetImagePlaceholders.js';
import type { InstructRecord } from '../dataset/InstructRecord.js';

export interface StoredCase {
	readonly dicom: string;
	/** The first turn's user message as sent to the model (report generation, with image placeholders). */
	readonly draftPrompt: string;
	/** The text the reader signed (findings section), or null while unsigned. */
	readonly signedFindings: string | null;
	readonly corrections: readonly { readonly prompt: string; readonly before: string; readonly after: string }[];
	/** Question/answer pairs in order; `report` is the draft the question was asked about. */
	readonly turns: readonly { readonly prompt: string; readonly report: string; readonly answer: string }[];
}

/**
 * The dataset spells out one `<IMG>` per image placeholder token where the image features go. Prompts
 * stored from the model stack carry one `<IMG>` marker (or a run of some other repeated token): each
 * becomes the dataset's run.
 */
export function withDatasetPlaceholders(prompt: string): string {
	const replaced = prompt
		.replace(/(<[^<>\s]{1,40}>)(?:\s*\1){7,}/g, datasetImagePlaceholders)
		.replace(/(?:<IMG>)+/g, datasetImagePlaceholders);
	return replaced.includes('<IMG>') ? replaced : `Image information: ${datasetImagePlaceholders}. ${replaced}`;
}

/** A later turn in the dataset's layout: the first exchange (report as answer) followed by the new message. */
function followUpInstruction(
	draftPrompt: string,
	report: string,
	history: readonly { q: string; a: string }[],
	message: string,
): string {
	let text = `${withDatasetPlaceholders(draftPrompt)} ASSISTANT: ${report}</s>`;
	for (const h of history) text += `USER: ${h.q} ASSISTANT: ${h.a}</s>`;
	return `${text}USER: ${message}`;
}

/**
 * Learning from corrections: the signed findings become the report-generation target, each correction
 * an instruction whose target is what the reader finally signed (or the adapted report while unsigned),
 * and each chat answer an instruct sample.
 */
export function instructRecords(cases: readonly StoredCase[]): InstructRecord[] {
	const out: InstructRecord[] = [];
	for (const c of cases) {
		if (c.signedFindings?.trim())
			out.push({
				instruction: withDatasetPlaceholders(c.draftPrompt),
				output: c.signedFindings.trim(),
				dicom: c.dicom,
			});
		for (const k of c.corrections) {
			out.push({
				instruction: followUpInstruction(c.draftPrompt, k.before, [], k.prompt),
				output: (c.signedFindings ?? k.after).trim(),
				dicom: c.dicom,
			});
		}
		// The model saw every earlier turn of the study's conversation: so does the record.
		const history: { q: string; a: string }[] = [];
		for (const t of c.turns) {
			out.push({
				instruction: followUpInstruction(c.draftPrompt, t.report, history, t.prompt),
				output: t.answer.trim(),
				dicom: c.dicom,
			});
			history.push({ q: t.prompt, a: t.answer.trim() });
		}
	}
	return out;
}
