import fs from 'node:fs';
import { createReportLabeler } from '../../evaluation/createReportLabeler.js';
import { parseReportList } from '../../evaluation/reportList.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Label reports with the 14 CheXpert observations: radialog label <file|-> [--models DIR] [--labeler rules] ' +
	'(one report per line, or a JSON list; prints one JSON object per report; ' +
	"with --models, the set's labeler model when its manifest lists one)";

async function readAll(source: string): Promise<string> {
	if (source !== '-') return fs.readFileSync(source, 'utf8');
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, { models: { type: 'string' }, labeler: { type: 'string' } });
	if (positionals.length !== 1) throw new UsageError('give one file, or - for standard input.');
	if (values.labeler !== undefined && values.labeler !== 'rules')
		throw new UsageError(`--labeler must be "rules", not "${values.labeler}".`);
	const reports = parseReportList(await readAll(positionals[0]!));
	const labeler = await createReportLabeler({ manifestPath: values.models, preferRules: values.labeler === 'rules' });
	try {
		const labels = await labeler.label(reports);
		labels.forEach((l, index) =>
			process.stdout.write(`${JSON.stringify({ index, labeler: labeler.name, labels: l })}\n`),
		);
	} finally {
		await labeler.close();
	}
	return 0;
}
