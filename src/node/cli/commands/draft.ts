import fs from 'node:fs';
import path from 'node:path';
import type { AssistantImage, FindingPrediction } from '../../../common/radialog/ReportAssistant.js';
import { createReportAssistant } from '../../inference/createReportAssistant.js';
import { defaultModelsDir, filesUnder, progressPrinter } from '../../inference/terminalSupport.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Predicted findings and a draft report per study: ' +
	'radialog draft <file-or-folder> [--json] [--models DIR] [--threads N] [--cpu]';

export const modelOptions = {
	json: { type: 'boolean' },
	models: { type: 'string' },
	threads: { type: 'string' },
	cpu: { type: 'boolean' },
} as const;

export function threadsFrom(v: string | undefined): number | undefined {
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 1) throw new UsageError(`--threads must be a positive whole number, not "${v}".`);
	return n;
}

interface StudyResult {
	readonly study: string | null;
	readonly file: string;
	readonly findings?: FindingPrediction[];
	readonly report?: string;
	readonly error?: string;
}

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, modelOptions);
	if (positionals.length !== 1) throw new UsageError('give one DICOM file or folder.');
	const input = path.resolve(positionals[0]!);
	if (!fs.existsSync(input)) throw new UsageError(`${input} does not exist.`);
	const progress = progressPrinter(process.stderr);
	const threads = threadsFrom(values.threads);
	const assistant = createReportAssistant({
		modelsDir: values.models ?? defaultModelsDir(),
		...(threads ? { threads } : {}),
		...(values.cpu ? { gpu: false as const } : {}),
		events: progress.onEvent,
		// One-shot: the models load in this process, sparing the start of a model process.
		inProcess: true,
	});
	const results: StudyResult[] = [];
	const seenStudies = new Set<string>();
	let failures = 0;
	// The models load while the first image is read, decoded and classified; nothing is printed before
	// they are ready.
	const started = assistant.start();
	started.catch(() => undefined);
	// Images are read once the language model's load is under way: they are then decoded, classified and
	// encoded while llama.cpp starts, instead of delaying its start. A failed load surfaces below.
	const [{ decodeDicomFile }, { parseDicomBytes }, { readDicomHeader }] = await Promise.all([
		import('../../dicom/decodeDicom.js'),
		import('../../dicom/parseDicomBytes.js'),
		import('../../dicom/DicomHeader.js'),
		assistant.openImageModels().catch(() => undefined),
	]);
	let ready = false;
	const whenReady = async () => {
		if (ready) return;
		await started;
		ready = true;
		progress.clear();
		if (!values.json && assistant.notice) console.log(`Notice: ${assistant.notice}\n`);
	};
	try {
		for (const file of filesUnder(input)) {
			let image: AssistantImage;
			let study: string | null = null;
			try {
				const bytes = fs.readFileSync(file);
				study = readDicomHeader(parseDicomBytes(bytes, { untilTag: 'x7fe00010' })).studyInstanceUid || null;
				// One draft per study, from its first image.
				if (study && seenStudies.has(study)) continue;
				image = { key: `${file}:${fs.statSync(file).mtimeMs}`, image: await decodeDicomFile(file) };
			} catch (err) {
				await whenReady();
				failures++;
				results.push({ study, file, error: `not usable as an image: ${(err as Error).message}` });
				if (!values.json) console.log(`${file}\n  not usable as an image: ${(err as Error).message}\n`);
				continue;
			}
			if (study) seenStudies.add(study);
			// The first image is classified and encoded while the language model may still be loading.
			const findings = await assistant.predictFindings(image);
			const positive = findings.filter((f) => f.positive).map((f) => f.label);
			const draft = await assistant.draftReport({ image, findings: positive });
			await whenReady();
			progress.clear();
			results.push({ study, file, findings, report: draft.text });
			if (!values.json) {
				console.log(`${file}${study ? `\n  Study ${study}` : ''}`);
				console.log(`  Predicted findings: ${positive.length ? positive.join(', ') : 'none'}`);
				console.log(`  Draft report (AI-written, not signed): ${draft.text}\n`);
			}
		}
		await whenReady();
	} finally {
		progress.clear();
		await assistant.close();
	}
	if (values.json) console.log(JSON.stringify({ notice: assistant.notice, draft: true, studies: results }, null, 2));
	return failures && failures === results.length ? 1 : 0;
}
