import type { ChexpertLabel } from '../domain/chexpert.js';

/**
 * The follow-up tasks (docs/radialog.md, section 4): every one is a second user turn after the
 * report-generation exchange. Report generation itself is `renderReportGenerationMessage`.
 */
export const instructTasks = ['FQA_complete', 'FQA_binary', 'RE', 'RQA', 'EL', 'SU', 'CO'] as const;
export type InstructTask = (typeof instructTasks)[number];
/** All eight tasks, RG included. */
export type RadialogTask = 'RG' | InstructTask;

/** The correction task has three shapes: add and remove, only add, only remove. */
export type TemplateKey = Exclude<InstructTask, 'CO'> | 'CO' | 'CO_add_only' | 'CO_remove_only';

/**
 * Ten project-written wordings per task, used as data: the demo training set samples them, inference
 * uses variant 0 unless told otherwise. Slots: {pathology}, {region}, {question}, {add}, {remove}.
 */
export const instructTemplates: Readonly<Record<TemplateKey, readonly string[]>> = {
	FQA_complete: [
		'List all findings in this chest X-ray.',
		'Which findings do you see in this image? Give them as a list.',
		'Name every finding present in this radiograph.',
		'What are all the findings of this X-ray?',
		'Please enumerate the findings visible in this study.',
		'Give me the complete list of findings for this image.',
		'Which abnormalities or devices are present here? List them all.',
		'Tell me all the findings you can identify in this chest radiograph.',
		'What does this X-ray show? Answer with the list of findings only.',
		'Provide a comma-separated list of the findings in this image.',
	],
	FQA_binary: [
		'Is there evidence of {pathology} in this image?',
		'Does the patient have {pathology}?',
		'Can you see {pathology} on this X-ray?',
		'Is {pathology} present in this radiograph?',
		'Do you find any sign of {pathology}?',
		'Does this chest X-ray show {pathology}? Answer yes or no.',
		'Would you say there is {pathology} here?',
		'Is {pathology} visible in this study?',
		'Are there signs of {pathology} in this image?',
		'Please tell me whether {pathology} is present.',
	],
	RE: [
		'Why do you think the patient has {pathology}?',
		'What in the report supports {pathology}?',
		'Explain which observations point to {pathology}.',
		'On what basis did you report {pathology}?',
		'Which part of the report indicates {pathology}?',
		'What makes you conclude that there is {pathology}?',
		'Please justify the finding of {pathology}.',
		'Quote the passage of the report that shows {pathology}.',
		'How does the report show that {pathology} is present?',
		'Give the reasoning behind {pathology} in this report.',
	],
	RQA: [
		'{question}',
		'About the {region}: {question}',
		'Looking at the {region}, {question}',
		'A question on the {region}. {question}',
		'Regarding the {region}, {question}',
		'Concerning the {region} in this image: {question}',
		'Please look at the {region}. {question}',
		'Focus on the {region}. {question}',
		'I have a question about the {region}: {question}',
		'With respect to the {region}, {question}',
	],
	EL: [
		'Explain the report in easy language.',
		'Please rewrite the report so that a patient without medical training understands it.',
		'What does this report mean in simple words?',
		'Describe the findings in plain language for the patient.',
		'Can you explain this report to someone who is not a doctor?',
		'Translate the report into everyday language.',
		'Put the report in simple terms, avoiding medical jargon.',
		'How would you explain these results to the patient?',
		'Give an easy-to-understand version of the report.',
		'Summarise what the report says in words a layperson understands.',
	],
	SU: [
		'Summarise the report.',
		'Give a short summary of the report.',
		'Summarise the main findings in a few bullet points.',
		'What are the key points of this report?',
		'Condense the report into one or two sentences.',
		'Please provide a brief summary of the findings.',
		'Write a concise summary of this report.',
		'List the essential findings of the report as bullet points.',
		'In short, what does the report say?',
		'Shorten the report to its most important statements.',
	],
	CO: [
		'I disagree with the generated report: I think the patient has {add}, but does not have {remove}. ' +
			'Please adapt the report.',
		'The report is not right. There is {add}, and there is no {remove}. Please correct it.',
		'Please revise the report: add {add} and remove {remove}.',
		'I believe the image shows {add} but not {remove}. Update the report accordingly.',
		'Correct the report, the patient has {add} and does not have {remove}.',
		'The findings should include {add} and exclude {remove}. Rewrite the report.',
		'I do not agree: {remove} is absent and {add} is present. Please fix the report.',
		'Change the report so that it reports {add} and no longer reports {remove}.',
		'Please adapt the report: {add} is present, {remove} is not.',
		'The report misses {add} and wrongly states {remove}. Please rewrite it.',
	],
	CO_add_only: [
		'I disagree with the generated report: I think the patient also has {add}. Please adapt the report.',
		'The report is missing {add}. Please correct it.',
		'Please revise the report and add {add}.',
		'I believe the image also shows {add}. Update the report accordingly.',
		'Correct the report, the patient has {add} as well.',
		'The findings should include {add}. Rewrite the report.',
		'I do not agree: {add} is present. Please fix the report.',
		'Change the report so that it also reports {add}.',
		'Please adapt the report: {add} is present too.',
		'The report misses {add}. Please rewrite it.',
	],
	CO_remove_only: [
		'I disagree with the generated report: I think the patient does not have {remove}. Please adapt the report.',
		'The report wrongly states {remove}. Please correct it.',
		'Please revise the report and remove {remove}.',
		'I believe the image does not show {remove}. Update the report accordingly.',
		'Correct the report, the patient does not have {remove}.',
		'The findings should not include {remove}. Rewrite the report.',
		'I do not agree: {remove} is absent. Please fix the report.',
		'Change the report so that it no longer reports {remove}.',
		'Please adapt the report: there is no {remove}.',
		'The report should not mention {remove}. Please rewrite it.',
	],
};

export interface InstructionParams {
	readonly pathology?: string;
	readonly region?: string;
	readonly question?: string;
	readonly add?: readonly ChexpertLabel[];
	readonly remove?: readonly ChexpertLabel[];
}

export class MissingTemplateParameter extends Error {
	override readonly name = 'MissingTemplateParameter';
}

/** Labels named in a sentence: lower-case, joined by ", ". */
export function formatLabelList(labels: readonly string[]): string {
	return labels.map((l) => l.toLowerCase()).join(', ');
}

/** Which template list a task uses; CO picks its shape from which of add/remove is non-empty. */
export function templateKeyFor(task: InstructTask, params: InstructionParams = {}): TemplateKey {
	if (task !== 'CO') return task;
	const add = params.add?.length ?? 0;
	const remove = params.remove?.length ?? 0;
	if (add && remove) return 'CO';
	if (add) return 'CO_add_only';
	if (remove) return 'CO_remove_only';
	throw new MissingTemplateParameter('a correction needs at least one finding to add or remove');
}

/** The user message of a follow-up task, from variant `variantIndex` (0..9) of its templates. */
export function renderInstruction(task: InstructTask, variantIndex: number, params: InstructionParams = {}): string {
	const list = instructTemplates[templateKeyFor(task, params)];
	const template = list[((variantIndex % list.length) + list.length) % list.length]!;
	const values: Record<string, string | undefined> = {
		pathology: params.pathology?.toLowerCase(),
		region: params.region,
		question: params.question,
		add: params.add?.length ? formatLabelList(params.add) : undefined,
		remove: params.remove?.length ? formatLabelList(params.remove) : undefined,
	};
	return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
		const v = values[key];
		if (v === undefined || v === '') throw new MissingTemplateParameter(`task ${task} needs "${key}"`);
		return v;
	});
}

/** Greedy decoding limits per task (docs/radialog.md, section 5). */
export const maxNewTokens: Readonly<Record<RadialogTask | 'free', number>> = {
	RG: 300,
	CO: 256,
	FQA_binary: 10,
	FQA_complete: 30,
	RE: 256,
	RQA: 256,
	EL: 256,
	SU: 256,
	free: 256,
};
