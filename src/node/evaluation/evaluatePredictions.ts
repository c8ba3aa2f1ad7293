import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import type { ReportLabeler } from '../../common/labeler/ReportLabeler.js';
import { positiveLabels, type ReportLabels } from '../../common/labeler/ReportLabels.js';
import { clinicalEfficacy, type ClinicalEfficacy } from '../../common/metrics/clinicalEfficacy.js';
import { corpusBleu, type TokenPair } from '../../common/metrics/corpusBleu.js';
import { corpusMeteorExact } from '../../common/metrics/meteorExact.js';
import { reportTokens } from '../../common/metrics/reportTokens.js';
import { corpusRougeL } from '../../common/metrics/rougeL.js';
import type { RadialogTask } from '../../common/radialog/instructTemplates.js';
import { answerScore, type AnswerScore } from './answerScores.js';
import type { EvalSample } from './readEvalDataset.js';
import { predictionKey, type Predictions } from './readPredictions.js';

export interface TextScores {
	/** Corpus BLEU-1..4. */
	readonly bleu: number[];
	/** METEOR with exact word matches only (see meteorExact). */
	readonly meteorExact: number;
	readonly rougeL: number;
}

export interface TaskEvaluation {
	readonly task: RadialogTask | 'overall';
	readonly samples: number;
	readonly text: TextScores;
	/** For tasks whose answer is a report (RG, CO); null for the others. */
	readonly clinicalEfficacy: ClinicalEfficacy | null;
	/** Yes/no accuracy or findings-list F1 for the findings questions; null for free-text tasks. */
	readonly answerScore: AnswerScore | null;
}

export interface EvaluationResult {
	readonly createdAt: string;
	readonly dataset: string;
	/** Where the generated texts came from: a predictions file, or the model set that drafted them. */
	readonly predictionsFrom: string;
	readonly labeler: string;
	/** The model set's notice (demo models), shown with every score. */
	readonly notice: string | null;
	readonly counts: { readonly samples: number; readonly scored: number; readonly withoutPrediction: number };
	readonly tasks: TaskEvaluation[];
	readonly overall: TaskEvaluation;
	readonly notes: string[];
}

export class NothingToScore extends Error {
	override readonly name = 'NothingToScore';
}

const reportTasks: ReadonlySet<RadialogTask> = new Set(['RG', 'CO']);
const taskOrder: readonly RadialogTask[] = ['RG', 'FQA_complete', 'FQA_binary', 'RE', 'RQA', 'EL', 'SU', 'CO'];

/** One scored sample, for error analysis (the CLI writes them as samples.jsonl). */
export interface SampleOutcome {
	readonly dicom: string;
	readonly task: RadialogTask;
	readonly prediction: string;
	readonly reference: string;
	/** Report tasks: the observations each text states as positive. */
	readonly positive?: { readonly predicted: ChexpertLabel[]; readonly reference: ChexpertLabel[] };
}

interface Scored {
	readonly sample: EvalSample;
	readonly prediction: string;
	labels?: { predicted: ReportLabels; reference: ReportLabels };
}

function scoreGroup(task: RadialogTask | 'overall', items: readonly Scored[]): TaskEvaluation {
	const pairs: TokenPair[] = items.map((s) => ({
		candidate: reportTokens(s.prediction),
		reference: reportTokens(s.sample.reference),
	}));
	const labelled = items.flatMap((s) => (s.labels ? [s.labels] : []));
	const ce = labelled.length
		? clinicalEfficacy(
				labelled.map((l) => l.predicted),
				labelled.map((l) => l.reference),
			)
		: null;
	const answers = answerScore(
		task,
		items.map((s) => ({ prediction: s.prediction, reference: s.sample.reference })),
	);
	return {
		task,
		samples: items.length,
		text: { bleu: corpusBleu(pairs).bleu, meteorExact: corpusMeteorExact(pairs), rougeL: corpusRougeL(pairs) },
		clinicalEfficacy: ce,
		answerScore: answers,
	};
}

/**
 * Scores generated texts against the dataset's references, per task and overall: BLEU-1..4, METEOR
 * (exact), ROUGE-L for every task, and clinical efficacy where the answer is a report (labels of the
 * generated and the reference report by the same labeler, uncertain as absent).
 */
export async function evaluatePredictions(
	samples: readonly EvalSample[],
	predictions: Predictions,
	labeler: ReportLabeler,
	meta: { dataset: string; predictionsFrom: string; notice: string | null; onSample?: (o: SampleOutcome) => void },
): Promise<EvaluationResult> {
	const scored: Scored[] = [];
	for (const sample of samples) {
		const prediction = predictions.get(predictionKey(sample.dicom, sample.task));
		if (prediction !== undefined) scored.push({ sample, prediction });
	}
	if (!scored.length)
		throw new NothingToScore(
			`none of the ${samples.length} samples has a prediction ` +
				'(reports are matched by dicom id, other tasks by "dicom#TASK")',
		);
	const reports = scored.filter((s) => reportTasks.has(s.sample.task));
	const [predicted, reference] = await Promise.all([
		labeler.label(reports.map((s) => s.prediction)),
		labeler.label(reports.map((s) => s.sample.reference)),
	]);
	reports.forEach((s, i) => (s.labels = { predicted: predicted[i]!, reference: reference[i]! }));
	for (const s of scored) {
		const positive = s.labels && {
			predicted: positiveLabels(s.labels.predicted),
			reference: positiveLabels(s.labels.reference),
		};
		meta.onSample?.({
			dicom: s.sample.dicom,
			task: s.sample.task,
			prediction: s.prediction,
			reference: s.sample.reference,
			...(positive ? { positive } : {}),
		});
	}
	const tasks: TaskEvaluation[] = [];
	for (const task of taskOrder) {
		const items = scored.filter((s) => s.sample.task === task);
		if (items.length) tasks.push(scoreGroup(task, items));
	}
	const labelerName = labeler.name === 'rules' ? "project's rule-based labeler" : `labeler "${labeler.name}"`;
	const notes = [
		`Clinical efficacy uses the ${labelerName}` +
			' on both generated and reference reports;' +
			' published numbers use CheXbert, so they are not directly comparable.',
		'METEOR here counts exact word matches only (no stemming, no synonyms), so it is lower than the usual METEOR.',
		'Text is lower-cased and split into runs of letters and digits before BLEU, METEOR and ROUGE-L (beta 1.2).',
	];
	if (scored.length < samples.length)
		notes.push(`${samples.length - scored.length} samples had no prediction and were left out.`);
	return {
		createdAt: new Date().toISOString(),
		dataset: meta.dataset,
		predictionsFrom: meta.predictionsFrom,
		labeler: labeler.name,
		notice: meta.notice,
		counts: { samples: samples.length, scored: scored.length, withoutPrediction: samples.length - scored.length },
		tasks,
		overall: scoreGroup('overall', scored),
		notes,
	};
}
