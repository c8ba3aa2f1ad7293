import { instructTemplates, type RadialogTask, type TemplateKey } from '../../common/radialog/instructTemplates.js';
import { END_OF_ANSWER } from '../../common/radialog/vicunaPrompt.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const taskOf = (key: TemplateKey): RadialogTask => (key.startsWith('CO') ? 'CO' : (key as RadialogTask));
/** This project's own wordings, slots as wildcards: an exact answer for datasets built here. */
const knownWordings = (Object.entries(instructTemplates) as [TemplateKey, readonly string[]][]).flatMap(
	([key, variants]) =>
		// A wording that is nothing but a slot ("{question}") would match everything.
		variants
			.filter((v) => !/^\{\w+\}$/.test(v))
			.map((v) => ({ task: taskOf(key), re: new RegExp(`^${escape(v).replace(/\\\{\w+\\\}/g, '.+?')}$`, 'is') })),
);

/** Wordings of other datasets (the published one has its own ten per task): keywords, checked in this order. */
const keywordRules: [RadialogTask, RegExp][] = [
	['CO', /\b(disagree|adapt the report|correct (?:the|this) report|revise the report)\b/i],
	[
		'EL',
		new RegExp(
			'\\b(easy|simple|plain|layman|layperson|child|non-?expert|everyday) (?:language|words|terms)' +
				'|\\b(?:child|layperson|patient) (?:would|could|can) understand',
			'i',
		),
	],
	['SU', /\bsummar(?:y|ise|ize)|bullet points|key points/i],
	['FQA_complete', /\b(?:list|name|enumerate) (?:all|every|the)\b.*\bfindings?\b|all (?:the )?findings/i],
	['RE', /^\s*why\b|\breason(?:ing)?\b|\bjustify\b|\bsupports?\b/i],
	['FQA_binary', /\b(?:is there evidence of|does the patient have|is there any|yes or no)\b/i],
];

/** The last user message of a record's instruction (the whole instruction when it has no turns). */
export function lastUserMessage(instruction: string): string {
	return instruction
		.split(END_OF_ANSWER)
		.at(-1)!
		.split(/\bUSER:\s*/)
		.at(-1)!
		.replace(/\s*ASSISTANT:\s*$/, '')
		.trim();
}

/**
 * A follow-up record's first answer (the report the question is about) and its question; null for
 * report generation.
 */
export function followUpParts(instruction: string): { report: string; message: string } | null {
	const first = /\bASSISTANT:\s*([\s\S]*?)\s*(?:<\/s>|\bUSER:)/.exec(instruction);
	if (!first) return null;
	return { report: first[1]!.trim(), message: lastUserMessage(instruction) };
}

/**
 * The task of one record of an instruct dataset, read from its last user message: report generation is
 * the message with the predicted findings; every other task follows the report-generation exchange.
 * Records of other datasets are told apart by keywords, which can misjudge a wording; region questions
 * are what is left.
 */
export function instructTaskOf(instruction: string): RadialogTask {
	const last = lastUserMessage(instruction);
	if (/\bpredicted findings:/i.test(last) || /\bimage information:/i.test(last)) return 'RG';
	for (const { task, re } of knownWordings) if (re.test(last)) return task;
	for (const [task, re] of keywordRules) if (re.test(last)) return task;
	return 'RQA';
}
