import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { formatLabelList } from '../../common/radialog/instructTemplates.js';
import type { InstructTeacher, RegionAnswer, SourceImage } from './InstructTeacher.js';

/** Any text generator: the CLI passes one backed by a GGUF model through src/node/inference/llama. */
export interface TextGenerator {
	generate(prompt: string, maxTokens: number): Promise<string>;
}

/** Reads CheXpert labels from a report (the labeler), to find what a blind report got wrong. */
export type ReportLabelReader = (report: string) => readonly ChexpertLabel[];

const regions = ['heart', 'lungs', 'pleura', 'bones', 'mediastinum', 'lines and tubes'] as const;

/**
 * The teacher of the published construction: a general LLM, prompted zero-shot with the ground-truth
 * report (our own wording). Its answers are pseudo ground truth, as in RaDialog's dataset.
 */
export class LlmTeacher implements InstructTeacher {
	readonly name: string;
	private turn = 0;

	constructor(
		private readonly llm: TextGenerator,
		private readonly labelsOf: ReportLabelReader,
		name = 'teacher LLM',
	) {
		this.name = name;
	}

	private ask(instruction: string, report: string, maxTokens = 256): Promise<string> {
		const prompt =
			'You are an experienced radiologist. Here is the findings section of a chest X-ray report:\n' +
			`"${report}"\n${instruction}\nAnswer:`;
		return this.llm.generate(prompt, maxTokens).then((t) => t.trim());
	}

	easyLanguage(image: SourceImage): Promise<string> {
		return this.ask(
			'Explain this report to the patient in simple, everyday words, shorter than the report, ' +
				'naming each abnormal finding.',
			image.report,
		);
	}

	summary(image: SourceImage): Promise<string> {
		return this.ask(
			this.turn++ % 2
				? 'Summarise the report in a few bullet points starting with "- ".'
				: 'Summarise the report in one or two short sentences.',
			image.report,
		);
	}

	async regionQuestion(image: SourceImage): Promise<RegionAnswer> {
		const region = regions[this.turn++ % regions.length]!;
		const question = await this.ask(
			`Write one short question a clinician might ask about the ${region} that this report answers. ` +
				'Give only the question.',
			image.report,
			40,
		);
		const answer = await this.ask(`Answer this question using only the report: ${question}`, image.report, 120);
		return { region, question: question.split('\n')[0]!, answer };
	}

	async explanation(image: SourceImage, label: ChexpertLabel): Promise<string | null> {
		const text = await this.ask(
			`Quote the sentence of the report that shows ${label.toLowerCase()}. If none does, answer "none".`,
			image.report,
			80,
		);
		return /^none\b/i.test(text) ? null : text;
	}

	async reportWithErrors(image: SourceImage): Promise<{ report: string; labels: readonly ChexpertLabel[] }> {
		const findings =
			formatLabelList((image.predictedFindings ?? image.labels).filter((l) => l !== 'No Finding')) ||
			'no common findings';
		const report = (
			await this.llm.generate(
				'You are an experienced radiologist. Write the findings section of a chest X-ray report ' +
					`for a patient with these findings: ${findings}. ` +
					'Write one fluent, concise text.\nFindings section:',
				300,
			)
		).trim();
		return { report, labels: this.labelsOf(report) };
	}

	correctedReport(
		image: SourceImage,
		first: string,
		add: readonly ChexpertLabel[],
		remove: readonly ChexpertLabel[],
	): Promise<string> {
		const wants = [
			add.length ? `it must also report ${formatLabelList(add)}` : '',
			remove.length ? `it must no longer report ${formatLabelList(remove)}` : '',
		]
			.filter(Boolean)
			.join(' and ');
		return this.ask(
			`Rewrite this report so that ${wants}; keep everything else as it is. Give only the new report.`,
			first,
			300,
		);
	}
}
