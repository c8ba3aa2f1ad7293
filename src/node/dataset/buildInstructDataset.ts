import { chexpertLabels, type ChexpertLabel } from '../../common/domain/chexpert.js';
import { instructTasks, renderInstruction, type InstructTask } from '../../common/radialog/instructTemplates.js';
import { renderReportGenerationMessage } from '../../common/radialog/reportGenerationMessage.js';
import { END_OF_ANSWER, IMAGE_MARKER } from '../../common/radialog/vicunaPrompt.js';
import { Prng } from '../../common/phantoms/Prng.js';
import { datasetImagePlaceholders } from './datasetImagePlaceholders.js';
import type { InstructRecord } from './InstructRecord.js';
import type { InstructTeacher, SourceImage } from './InstructTeacher.js';

export type DatasetTask = 'RG' | InstructTask;

export interface DatasetSummary {
	readonly images: number;
	readonly noFindingImages: number;
	readonly droppedNoFindingImages: number;
	readonly tasks: Readonly<Record<DatasetTask, number>>;
	/** Positive labels over the images kept. */
	readonly labels: Readonly<Record<ChexpertLabel, number>>;
}

export interface BuildOptions {
	readonly seed?: number;
	/** Findings a yes/no question may ask about (default: the 13 CheXpert pathologies and devices). */
	readonly questionLabels?: readonly ChexpertLabel[];
	onProgress?(done: number, total: number): void;
}

const isNoFinding = (img: SourceImage) => !img.labels.some((l) => l !== 'No Finding' && l !== 'Support Devices');

/** The first user message of every conversation, with the image placeholders spelled out. */
export function reportGenerationInstruction(findings: readonly ChexpertLabel[]): string {
	return renderReportGenerationMessage(findings).replace(IMAGE_MARKER, datasetImagePlaceholders);
}

/** A later turn's instruction: the report-generation exchange with the ground-truth report, then the new message. */
export function followUpInstruction(findings: readonly ChexpertLabel[], firstAnswer: string, message: string): string {
	return `${reportGenerationInstruction(findings)} ASSISTANT: ${firstAnswer}${END_OF_ANSWER}USER: ${message}`;
}

/** Keeps every image with a finding and as many without as make at most a quarter of the set. */
export function stratify(images: readonly SourceImage[], rng: Prng): { kept: SourceImage[]; dropped: number } {
	const withFindings = images.filter((i) => !isNoFinding(i));
	const without = rng.shuffle(images.filter(isNoFinding));
	const allowed = Math.floor(withFindings.length / 3);
	const keptWithout = new Set(without.slice(0, allowed));
	return {
		kept: images.filter((i) => !isNoFinding(i) || keptWithout.has(i)),
		dropped: Math.max(0, without.length - allowed),
	};
}

/**
 * The RaDialog instruct dataset construction (docs/radialog.md, section 6): one report-generation
 * sample per image plus one instruct task per image, tasks split evenly, all shuffled; instruct samples are
 * second turns after a first exchange whose answer is the ground-truth report (a report with errors for CO).
 */
export async function buildInstructDataset(
	images: readonly SourceImage[],
	teacher: InstructTeacher,
	o: BuildOptions = {},
): Promise<{ records: InstructRecord[]; summary: DatasetSummary }> {
	const rng = new Prng(o.seed ?? 1);
	const { kept, dropped } = stratify(images, rng.fork(1));
	const order = rng.fork(2).shuffle([...kept]);
	const questionLabels = o.questionLabels ?? chexpertLabels.filter((l) => l !== 'No Finding');
	const tasks = Object.fromEntries(['RG', ...instructTasks].map((t) => [t, 0])) as Record<DatasetTask, number>;
	const labels = Object.fromEntries(chexpertLabels.map((l) => [l, 0])) as Record<ChexpertLabel, number>;
	const records: InstructRecord[] = [];
	const pick = rng.fork(3);
	// Even split: every task gets n/7 slots. Images that can serve fewer tasks (no finding: no RE) choose
	// first, each image taking the task with the most slots left that it can serve.
	const left = new Map<InstructTask, number>(
		instructTasks.map((t, k) => [
			t,
			Math.floor(order.length / instructTasks.length) + (k < order.length % instructTasks.length ? 1 : 0),
		]),
	);
	const chooseFirst = [...order.filter(isNoFinding), ...order.filter((i) => !isNoFinding(i))];
	for (let i = 0; i < chooseFirst.length; i++) {
		const img = chooseFirst[i] as SourceImage;
		for (const l of img.labels) labels[l]++;
		const findings = img.predictedFindings ?? img.labels;
		records.push({ instruction: reportGenerationInstruction(findings), output: img.report, dicom: img.dicomId });
		tasks.RG++;
		const byNeed = [...instructTasks].sort(
			(a, b) =>
				(left.get(b) ?? 0) - (left.get(a) ?? 0) ||
				((((instructTasks.indexOf(a) - i) % 7) + 7) % 7) - ((((instructTasks.indexOf(b) - i) % 7) + 7) % 7),
		);
		for (const task of byNeed) {
			const sample = await instructSample(task, img, findings, teacher, questionLabels, pick);
			if (sample) {
				records.push({ ...sample, dicom: img.dicomId });
				tasks[task]++;
				left.set(task, (left.get(task) ?? 0) - 1);
				break;
			}
		}
		o.onProgress?.(i + 1, order.length);
	}
	rng.fork(4).shuffle(records);
	return {
		records,
		summary: {
			images: kept.length,
			noFindingImages: kept.filter(isNoFinding).length,
			droppedNoFindingImages: dropped,
			tasks,
			labels,
		},
	};
}

/**
 * One instruct record of `task` for an image, as the construction above makes it; null when the image
 * offers nothing to ask (RE without a finding).
 */
export async function instructSample(
	task: InstructTask,
	img: SourceImage,
	findings: readonly ChexpertLabel[],
	teacher: InstructTeacher,
	questionLabels: readonly ChexpertLabel[],
	rng: Prng,
): Promise<{ instruction: string; output: string } | null> {
	const variant = rng.int(0, 9);
	const positives: ChexpertLabel[] = img.labels.filter((l) => l !== 'No Finding');
	const turn = (message: string, output: string, first = img.report, firstFindings = findings) => ({
		instruction: followUpInstruction(firstFindings, first, message),
		output,
	});
	switch (task) {
		case 'FQA_complete':
			return turn(
				renderInstruction(task, variant),
				(positives.length ? chexpertLabels.filter((l) => positives.includes(l)) : ['No Finding']).join(', '),
			);
		case 'FQA_binary': {
			const pool = rng.chance(0.5) && positives.length ? positives : questionLabels;
			const pathology = rng.pick(pool);
			return turn(renderInstruction(task, variant, { pathology }), positives.includes(pathology) ? 'Yes' : 'No');
		}
		case 'RE': {
			const candidates = positives.filter((l) => l !== 'Support Devices');
			if (!candidates.length) return null;
			const pathology = rng.pick(candidates);
			const why = img.explanations?.[pathology] ?? (await teacher.explanation(img, pathology));
			return why ? turn(renderInstruction(task, variant, { pathology }), why) : null;
		}
		case 'RQA': {
			const q = await teacher.regionQuestion(img);
			return turn(renderInstruction(task, variant, { region: q.region, question: q.question }), q.answer);
		}
		case 'EL':
			return turn(renderInstruction(task, variant), await teacher.easyLanguage(img));
		case 'SU':
			return turn(renderInstruction(task, variant), await teacher.summary(img));
		case 'CO': {
			const wrong = await teacher.reportWithErrors(img);
			const truth = new Set<ChexpertLabel>(positives);
			const said = new Set<ChexpertLabel>(wrong.labels.filter((l) => l !== 'No Finding'));
			const add = chexpertLabels.filter((l) => truth.has(l) && !said.has(l));
			const remove = chexpertLabels.filter((l) => said.has(l) && !truth.has(l));
			if (!add.length && !remove.length) return null;
			return turn(
				renderInstruction('CO', variant, { add, remove }),
				await teacher.correctedReport(img, wrong.report, add, remove),
				wrong.report,
				wrong.writtenFrom ?? findings,
			);
		}
	}
}
