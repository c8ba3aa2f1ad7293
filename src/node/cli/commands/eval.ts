import fs from 'node:fs';
import path from 'node:path';
import { createReportLabeler } from '../../evaluation/createReportLabeler.js';
import { datasetImageFolder } from '../../evaluation/datasetImageFolder.js';
import { draftReports } from '../../evaluation/draftReports.js';
import {
	evaluatePredictions,
	type EvaluationResult,
	type SampleOutcome,
} from '../../evaluation/evaluatePredictions.js';
import { readEvalDataset } from '../../evaluation/readEvalDataset.js';
import { readPredictions } from '../../evaluation/readPredictions.js';
import { renderEvaluationHtml } from '../../evaluation/renderEvaluationHtml.js';
import { createReportAssistant } from '../../inference/createReportAssistant.js';
import { defaultModelsDir, progressPrinter } from '../../inference/terminalSupport.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Score generated reports: radialog eval --dataset <file.json.gz|file.csv> (--predictions <file.csv|file.json> | ' +
	'--images <dir> [--follow-ups] [--models DIR] [--threads N] [--cpu]) [--out <dir>] [--limit N] [--labeler rules]';

function printSummary(r: EvaluationResult, out: string): void {
	const f = (x: number) => (100 * x).toFixed(1);
	console.log(`scored ${r.counts.scored} of ${r.counts.samples} samples (labeler: ${r.labeler})`);
	if (r.notice) console.log(`NOTE: ${r.notice}`);
	for (const t of [...r.tasks, r.overall]) {
		const ce = t.clinicalEfficacy
			? `  CE macro-F1 ${f(t.clinicalEfficacy.macro.f1)} micro-F1 ${f(t.clinicalEfficacy.micro.f1)}`
			: '';
		const answers = t.answerScore ? `  ${t.answerScore.kind} ${f(t.answerScore.value)}` : '';
		console.log(
			`${t.task.padEnd(13)} n=${String(t.samples).padEnd(6)} ` +
				`BLEU-1 ${f(t.text.bleu[0]!)} BLEU-4 ${f(t.text.bleu[3]!)} METEOR(exact) ${f(t.text.meteorExact)} ` +
				`ROUGE-L ${f(t.text.rougeL)}${ce}${answers}`,
		);
	}
	console.log(
		`wrote ${['evaluation.json', 'evaluation.html', 'samples.jsonl'].map((f) => path.join(out, f)).join(', ')}`,
	);
}

export async function run(argv: string[]): Promise<number> {
	const { values } = parseCommandArgs(argv, {
		dataset: { type: 'string' },
		predictions: { type: 'string' },
		images: { type: 'string' },
		models: { type: 'string' },
		out: { type: 'string' },
		limit: { type: 'string' },
		labeler: { type: 'string' },
		threads: { type: 'string' },
		cpu: { type: 'boolean' },
		'follow-ups': { type: 'boolean' },
	});
	if (!values.dataset) throw new UsageError('--dataset is required.');
	if (!values.predictions && !values.images)
		throw new UsageError('give --predictions <file>, or --images <dir> to draft the reports with the model set.');
	if (values.labeler !== undefined && values.labeler !== 'rules')
		throw new UsageError(`--labeler must be "rules", not "${values.labeler}".`);
	const limit = values.limit === undefined ? Infinity : Number(values.limit);
	if (!(limit > 0)) throw new UsageError(`--limit must be a positive number, not "${values.limit}".`);
	const threads = values.threads === undefined ? undefined : Number(values.threads);
	if (threads !== undefined && !(Number.isInteger(threads) && threads > 0))
		throw new UsageError(`--threads must be a positive whole number, not "${values.threads}".`);
	const out = path.resolve(values.out ?? 'evaluation');
	const samples = readEvalDataset(values.dataset).slice(0, limit);
	const labeler = await createReportLabeler({ manifestPath: values.models, preferRules: values.labeler === 'rules' });
	const outcomes: SampleOutcome[] = [];
	const onSample = (o: SampleOutcome) => outcomes.push(o);
	try {
		let result: EvaluationResult;
		if (values.predictions) {
			const predictions = readPredictions(values.predictions);
			result = await evaluatePredictions(samples, predictions, labeler, {
				dataset: values.dataset,
				predictionsFrom: `predictions file ${values.predictions}`,
				notice: null,
				onSample,
			});
		} else {
			const modelsDir = values.models ?? defaultModelsDir();
			const progress = progressPrinter(process.stderr);
			const assistant = createReportAssistant({
				modelsDir,
				...(threads ? { threads } : {}),
				...(values.cpu ? { gpu: false as const } : {}),
				events: progress.onEvent,
			});
			try {
				await assistant.start();
				progress.clear();
				const { predictions, failures } = await draftReports(
					samples,
					assistant,
					datasetImageFolder(values.images!),
					{
						followUps: !!values['follow-ups'],
						onProgress: (done, total) => process.stderr.write(`\rdrafted ${done}/${total}`),
					},
				);
				process.stderr.write('\n');
				for (const f of failures) console.error(`not drafted: ${f.dicom}: ${f.reason}`);
				result = await evaluatePredictions(samples, predictions, labeler, {
					dataset: values.dataset,
					predictionsFrom: `drafted by the model set ${modelsDir}`,
					notice: assistant.notice,
					onSample,
				});
			} finally {
				await assistant.close();
			}
		}
		fs.mkdirSync(out, { recursive: true });
		fs.writeFileSync(path.join(out, 'evaluation.json'), `${JSON.stringify(result, null, 2)}\n`);
		fs.writeFileSync(path.join(out, 'evaluation.html'), renderEvaluationHtml(result));
		fs.writeFileSync(path.join(out, 'samples.jsonl'), outcomes.map((o) => `${JSON.stringify(o)}\n`).join(''));
		printSummary(result, out);
	} finally {
		await labeler.close();
	}
	return 0;
}
