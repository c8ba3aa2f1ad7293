import type { ChexpertLabel } from '../../src/common/domain/chexpert.js';
import { chexpertLabels } from '../../src/common/domain/chexpert.js';
import { renderRequest } from '../../src/common/radialog/conversation.js';
import { renderReportGenerationMessage } from '../../src/common/radialog/reportGenerationMessage.js';
import type {
	AssistantImage,
	AssistantRequest,
	ChatTurn,
	FindingPrediction,
	GeneratedText,
	ReportAssistant,
	StreamHandlers,
} from '../../src/common/radialog/ReportAssistant.js';

/** One sentence per observation that the rule-based labeler reads as positive. */
export const positiveSentence: Record<ChexpertLabel, string> = {
	'No Finding': 'The lungs are clear.',
	'Enlarged Cardiomediastinum': 'The cardiomediastinal silhouette is widened.',
	Cardiomegaly: 'The heart is enlarged.',
	'Lung Opacity': 'There is an opacity in the right lower lung.',
	'Lung Lesion': 'A nodule is seen in the left upper lobe.',
	Edema: 'There is pulmonary edema.',
	Consolidation: 'There is consolidation in the right lower lobe.',
	Pneumonia: 'Findings are consistent with pneumonia.',
	Atelectasis: 'There is bibasilar atelectasis.',
	Pneumothorax: 'There is a small left apical pneumothorax.',
	'Pleural Effusion': 'There is a moderate right pleural effusion.',
	'Pleural Other': 'There is pleural thickening.',
	Fracture: 'There is a fracture of the right sixth rib.',
	'Support Devices': 'An endotracheal tube is in place.',
};

/**
 * A deterministic stand-in for the model stack in tests of the reporting workflow: writes one sentence
 * per finding, follows RaDialog's correction request, streams word by word. Prompts are the model
 * stack's own renderings (src/common/radialog), so stored prompts look as they will with real models.
 */
export class ScriptedAssistant implements ReportAssistant {
	readonly calls: { kind: string; request?: AssistantRequest; findings: readonly ChexpertLabel[] }[] = [];
	/** Answers a test puts in the model's mouth: the next follow-up says the first of these instead. */
	readonly replies: string[] = [];
	constructor(
		readonly predictions: Partial<Record<ChexpertLabel, number>>,
		readonly notice: string | null = 'Demo models, synthetic data, not for clinical use',
	) {}

	predictFindings(_image: AssistantImage): Promise<FindingPrediction[]> {
		return Promise.resolve(
			chexpertLabels.map((label) => ({
				label,
				probability: this.predictions[label] ?? 0.05,
				positive: (this.predictions[label] ?? 0.05) >= 0.5,
			})),
		);
	}

	private write(labels: readonly ChexpertLabel[]): string {
		const positive = labels.filter((l) => l !== 'No Finding');
		return positive.length ? positive.map((l) => positiveSentence[l]).join(' ') : positiveSentence['No Finding'];
	}

	private async stream(text: string, prompt: string, handlers?: StreamHandlers): Promise<GeneratedText> {
		const words = text.split(/(?<= )/);
		for (const w of words) {
			if (handlers?.signal?.aborted) return { text: '', tokenCount: 0, prompt, stoppedBy: 'cancelled' };
			handlers?.onToken?.(w, 100);
			await new Promise((r) => setImmediate(r));
		}
		return { text, tokenCount: words.length, prompt, stoppedBy: 'eos' };
	}

	async draftReport(
		input: { image: AssistantImage; findings: readonly ChexpertLabel[] },
		handlers?: StreamHandlers,
	): Promise<GeneratedText> {
		this.calls.push({ kind: 'draft', findings: input.findings });
		return this.stream(this.write(input.findings), renderReportGenerationMessage(input.findings), handlers);
	}

	async followUp(
		input: {
			image: AssistantImage;
			findings: readonly ChexpertLabel[];
			report: string;
			history: readonly ChatTurn[];
			request: AssistantRequest;
		},
		handlers?: StreamHandlers,
	): Promise<GeneratedText> {
		this.calls.push({ kind: 'followUp', request: input.request, findings: input.findings });
		const { message } = renderRequest(input.request);
		const r = input.request;
		let answer: string;
		const scripted = this.replies.shift();
		if (scripted !== undefined) return this.stream(scripted, message, handlers);
		switch (r.task) {
			case 'CO': {
				const now = new Set(input.findings);
				for (const l of r.add) now.add(l);
				for (const l of r.remove) now.delete(l);
				answer = this.write(chexpertLabels.filter((l) => now.has(l)));
				break;
			}
			case 'EL':
				answer =
					'The pictures of your chest show that your heart looks a bit bigger than usual. ' +
					'Your doctor will explain what to do next.';
				break;
			case 'SU':
				answer = '- ' + input.report.split('. ').join('\n- ');
				break;
			case 'FQA_complete':
				answer = input.findings.map((l) => l.toLowerCase()).join(', ') || 'no common findings';
				break;
			case 'FQA_binary':
				answer = input.findings.some((l) => l.toLowerCase() === r.pathology.toLowerCase()) ? 'yes' : 'no';
				break;
			default:
				answer = `About that: ${input.report}`;
		}
		return this.stream(answer, message, handlers);
	}

	async close(): Promise<void> {}
}

/** A small decoded frame for tests that never look at pixels. */
export const testImage: AssistantImage = {
	key: 'test-image',
	image: {
		rows: 4,
		columns: 4,
		samplesPerPixel: 1,
		photometricInterpretation: 'MONOCHROME2',
		pixels: new Uint16Array(16).map((_, i) => i * 100),
		minValue: 0,
		maxValue: 1500,
		windowCenter: null,
		windowWidth: null,
		rescaleSlope: 1,
		rescaleIntercept: 0,
		pixelSpacing: null,
	},
};
