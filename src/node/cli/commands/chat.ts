import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { chexpertLabels, type ChexpertLabel } from '../../../common/domain/chexpert.js';
import type { AssistantRequest, ChatTurn } from '../../../common/radialog/ReportAssistant.js';
import { decodeDicomFile } from '../../dicom/decodeDicom.js';
import { createReportAssistant } from '../../inference/createReportAssistant.js';
import { defaultModelsDir, progressPrinter } from '../../inference/terminalSupport.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';
import { modelOptions, threadsFrom } from './draft.js';

export const summary =
	'Talk with the assistant about one image: ' +
	'radialog chat <file> [--models DIR] [--threads N] [--cpu] (/help in the chat)';

const help = `Ask anything, or:
  /findings            list all findings          /has <finding>     is there evidence of it?
  /why <finding>       what supports it            /explain           the report in easy language
  /summary             summarise the report        /correct +Edema -Fracture   adapt the report
  /quit`;

function label(text: string): ChexpertLabel {
	const l = chexpertLabels.find((c) => c.toLowerCase() === text.trim().toLowerCase());
	if (!l) throw new UsageError(`"${text}" is not a CheXpert finding (${chexpertLabels.join(', ')}).`);
	return l;
}

/** A typed line as a request: slash commands for the RaDialog tasks, anything else a free question. */
export function requestFrom(line: string): AssistantRequest {
	const [cmd, ...rest] = line.trim().split(/\s+/);
	const arg = rest.join(' ');
	switch (cmd) {
		case '/findings':
			return { task: 'FQA_complete' };
		case '/has':
			return { task: 'FQA_binary', pathology: label(arg) };
		case '/why':
			return { task: 'RE', pathology: label(arg) };
		case '/explain':
			return { task: 'EL' };
		case '/summary':
			return { task: 'SU' };
		case '/correct': {
			const parts = arg.split(/\s*(?=[+-])/).filter(Boolean);
			return {
				task: 'CO',
				add: parts.filter((p) => p.startsWith('+')).map((p) => label(p.slice(1))),
				remove: parts.filter((p) => p.startsWith('-')).map((p) => label(p.slice(1))),
			};
		}
		default:
			return { task: 'free', text: line.trim() };
	}
}

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, modelOptions);
	if (positionals.length !== 1) throw new UsageError('give one DICOM file.');
	const file = path.resolve(positionals[0]!);
	if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist.`);
	const image = { key: `${file}:${fs.statSync(file).mtimeMs}`, image: await decodeDicomFile(file) };
	const progress = progressPrinter(process.stderr);
	const threads = threadsFrom(values.threads);
	const assistant = createReportAssistant({
		modelsDir: values.models ?? defaultModelsDir(),
		...(threads ? { threads } : {}),
		...(values.cpu ? { gpu: false as const } : {}),
		events: progress.onEvent,
	});
	let rl: readline.Interface | null = null;
	const stream = {
		onToken: (t: string) => {
			progress.clear();
			process.stdout.write(t);
		},
	};
	try {
		await assistant.start();
		progress.clear();
		if (assistant.notice) console.log(`Notice: ${assistant.notice}`);
		const findings = (await assistant.predictFindings(image)).filter((f) => f.positive).map((f) => f.label);
		progress.clear();
		console.log(
			`Predicted findings: ${findings.length ? findings.join(', ') : 'none'}\n` +
				'Draft report (AI-written, not signed):',
		);
		const report = (await assistant.draftReport({ image, findings }, stream)).text;
		console.log(`\n\n${help}`);
		const history: ChatTurn[] = [];
		// Created only now: lines typed (or piped) during loading wait in stdin instead of being dropped.
		rl = readline.createInterface({ input: process.stdin, terminal: false });
		process.stdout.write('> ');
		for await (const line of rl) {
			if (!line.trim()) {
				process.stdout.write('> ');
				continue;
			}
			if (line.trim() === '/quit') break;
			let request: AssistantRequest | null = null;
			try {
				if (line.trim() === '/help') console.log(help);
				else request = requestFrom(line);
			} catch (err) {
				console.log((err as Error).message);
			}
			if (request) {
				const answer = await assistant.followUp({ image, findings, report, history, request }, stream);
				console.log('\n');
				history.push({ role: 'user', text: answer.prompt }, { role: 'assistant', text: answer.text });
			}
			process.stdout.write('> ');
		}
	} finally {
		rl?.close();
		progress.clear();
		await assistant.close();
	}
	return 0;
}
