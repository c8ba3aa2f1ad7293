import path from 'node:path';
import { chexpertLabels } from '../../../common/domain/chexpert.js';
import { labelReport } from '../../../common/labeler/labelReport.js';
import { drawnLabels } from '../../../common/phantoms/PhantomCase.js';
import { buildInstructDataset, type DatasetSummary } from '../../dataset/buildInstructDataset.js';
import type { InstructTeacher, SourceImage } from '../../dataset/InstructTeacher.js';
import { LlmTeacher } from '../../dataset/LlmTeacher.js';
import { phantomSourceImages } from '../../dataset/phantomSourceImages.js';
import { readMimicInputs } from '../../dataset/readMimicInputs.js';
import { writeDatasetFile } from '../../dataset/writeDatasetFile.js';
import { GgufTextGenerator } from '../../inference/llama/GgufTextGenerator.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Build a RaDialog instruct dataset (.json.gz): radialog dataset build --out F (--phantoms N | ' +
	'--reports R --labels L [--metadata M] [--nle J] [--predicted P] --teacher GGUF) [--seed S]';

const help = `radialog dataset build --out FILE.json.gz [--seed S]
  from phantoms:  --phantoms N [--first-seed S]        rule-based teacher from the sentence bank
  from real data: --reports reports.csv --labels chexbert.csv [--metadata mimic-cxr-metadata.csv]
                  [--nle mimic-nle.jsonl] [--predicted predictions.csv] --teacher model.gguf [--threads T]
One report-generation sample and one instruct task per image, tasks split evenly, shuffled; images
without findings cut to at most a quarter.`;

function bar(done: number, total: number): void {
	if (!process.stderr.isTTY) return;
	const w = 30,
		f = Math.round((done / total) * w);
	process.stderr.write(
		`\r[${'#'.repeat(f)}${'.'.repeat(w - f)}] ${done}/${total} images${done === total ? '\n' : ''}`,
	);
}

export function summaryTable(s: DatasetSummary, records: number): string {
	const lines = [
		`${records} records from ${s.images} images ` +
			`(${s.noFindingImages} without findings; ${s.droppedNoFindingImages} such images left out)`,
		'',
		'task           samples',
	];
	for (const [t, n] of Object.entries(s.tasks)) lines.push(`${t.padEnd(14)} ${String(n).padStart(7)}`);
	lines.push('', 'label                        images');
	for (const l of chexpertLabels) lines.push(`${l.padEnd(28)} ${String(s.labels[l]).padStart(6)}`);
	return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
	const [sub, ...rest] = argv;
	if (sub !== 'build') throw new UsageError(help);
	const { values } = parseCommandArgs(rest, {
		out: { type: 'string' },
		seed: { type: 'string' },
		phantoms: { type: 'string' },
		'first-seed': { type: 'string' },
		reports: { type: 'string' },
		labels: { type: 'string' },
		metadata: { type: 'string' },
		nle: { type: 'string' },
		predicted: { type: 'string' },
		teacher: { type: 'string' },
		threads: { type: 'string' },
	});
	if (!values.out) throw new UsageError(`--out is required.\n\n${help}`);
	const seed = Number(values.seed ?? 1);
	let images: SourceImage[];
	let teacher: InstructTeacher;
	let close = async () => {};
	let questionLabels = undefined as (typeof chexpertLabels)[number][] | undefined;
	if (values.phantoms) {
		const n = Number(values.phantoms),
			first = Number(values['first-seed'] ?? 100001);
		if (!Number.isInteger(n) || n < 1) throw new UsageError('--phantoms must be a positive integer.');
		({ images, teacher } = phantomSourceImages(Array.from({ length: n }, (_, i) => first + i)));
		questionLabels = drawnLabels.filter((l) => l !== 'No Finding');
	} else {
		if (!values.reports || !values.labels)
			throw new UsageError(`give --phantoms N, or --reports and --labels.\n\n${help}`);
		if (!values.teacher)
			throw new UsageError(
				'real reports need --teacher model.gguf (the LLM that writes the EL, SU, RQA and CO answers).',
			);
		images = readMimicInputs({
			reports: values.reports,
			labels: values.labels,
			...(values.metadata ? { metadata: values.metadata } : {}),
			...(values.nle ? { nle: values.nle } : {}),
			...(values.predicted ? { predicted: values.predicted } : {}),
		});
		const llm = await GgufTextGenerator.open(
			values.teacher,
			values.threads ? { threads: Number(values.threads) } : {},
		);
		close = () => llm.close();
		const positive = (text: string) => {
			const l = labelReport(text);
			return chexpertLabels.filter((x) => l[x] === 'positive');
		};
		teacher = new LlmTeacher(llm, positive, path.basename(values.teacher));
	}
	try {
		const { records, summary: s } = await buildInstructDataset(images, teacher, {
			seed,
			onProgress: bar,
			...(questionLabels ? { questionLabels } : {}),
		});
		writeDatasetFile(values.out, records);
		console.log(
			`${summaryTable(s, records.length)}\n\nteacher: ${teacher.name}\nwrote ${path.resolve(values.out)}`,
		);
		return 0;
	} finally {
		await close();
	}
}
