import fs from 'node:fs';
import { checkFaithfulness, type Contradiction } from '../../../common/faithfulness/index.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Check a text derived from a report (handout, summary, answer) against it: ' +
	'radialog guard --report REPORT.txt --text TEXT.txt [--json] ' +
	'(lists findings the text adds, denies, or gives another side or size; exit 0 either way)';

function readText(file: string, what: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (err) {
		throw new UsageError(
			`cannot read the ${what} "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
		);
	}
}

function readable(found: readonly Contradiction[]): string {
	if (!found.length) return 'Faithful: the text contradicts nothing in the report.\n';
	const lines = [`${found.length} contradiction${found.length === 1 ? '' : 's'} with the report:`];
	for (const c of found) {
		lines.push(`- ${c.finding} (${c.kind})`);
		lines.push(`    text:   ${c.text}`);
		lines.push(`    report: ${c.report || '(not mentioned)'}`);
	}
	return `${lines.join('\n')}\n`;
}

export function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, {
		report: { type: 'string' },
		text: { type: 'string' },
		json: { type: 'boolean' },
	});
	if (!values.report || !values.text) throw new UsageError('give --report REPORT.txt and --text TEXT.txt.');
	if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}".`);
	const found = checkFaithfulness(readText(values.report, 'report'), readText(values.text, 'text'));
	const contradictions = found.map(({ finding, report, text }) => ({ finding, report, text }));
	process.stdout.write(values.json ? `${JSON.stringify({ contradictions }, null, 2)}\n` : readable(found));
	return Promise.resolve(0);
}
