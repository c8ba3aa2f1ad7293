import path from 'node:path';
import {
	convertRadialogLlava,
	refuseOriginalRelease,
	RESEARCH_NOTICE,
	writeStandIn,
} from '../../modelConversion/index.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Model sets: radialog models convert --variant radialog-llava --model DIR --base-llm DIR --out DIR ' +
	'[--quantize q8_0|q4_k_m] [--outtype f16|f32] [--notice TEXT]; ' +
	'radialog models standin --variant radialog-llava --out DIR [--seed N]; radialog models verify DIR';

const options = {
	variant: { type: 'string' },
	model: { type: 'string' },
	'base-llm': { type: 'string' },
	release: { type: 'string' },
	'image-encoder': { type: 'string' },
	out: { type: 'string' },
	quantize: { type: 'string' },
	outtype: { type: 'string' },
	notice: { type: 'string' },
	seed: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

function required(values: Values, name: 'model' | 'base-llm' | 'out'): string {
	const v = values[name];
	if (!v) throw new UsageError(`--${name} DIR is required.`);
	return path.resolve(v);
}

function variantOf(values: Values): 'radialog-llava' | 'radialog' {
	const v = values.variant;
	if (v === 'radialog-llava' || v === 'radialog') return v;
	throw new UsageError(`--variant must be radialog-llava or radialog${v ? `, not "${v}"` : ''}.`);
}

const print = (line: string) => console.error(`  ${line}`);

async function convert(values: Values): Promise<number> {
	if (variantOf(values) === 'radialog') refuseOriginalRelease();
	const quantize = values.quantize;
	if (quantize !== undefined && quantize !== 'q8_0' && quantize !== 'q4_k_m')
		throw new UsageError(`--quantize must be q8_0 or q4_k_m, not "${quantize}".`);
	const outtype = values.outtype;
	if (outtype !== undefined && outtype !== 'f16' && outtype !== 'f32')
		throw new UsageError(`--outtype must be f16 or f32, not "${outtype}".`);
	const out = required(values, 'out');
	console.error(`Converting RaDialog-LLaVA into ${out}`);
	const manifest = await convertRadialogLlava({
		model: required(values, 'model'),
		baseLlm: required(values, 'base-llm'),
		out,
		...(quantize ? { quantize } : {}),
		...(outtype ? { outtype } : {}),
		notice: values.notice ?? RESEARCH_NOTICE,
		onLine: print,
	});
	console.log(manifest);
	return 0;
}

async function standIn(values: Values): Promise<number> {
	if (variantOf(values) !== 'radialog-llava')
		throw new UsageError('stand-ins exist for --variant radialog-llava only (the original release is refused).');
	const seed = Number(values.seed ?? '1');
	if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed must be a whole number.');
	const written = await writeStandIn(required(values, 'out'), seed, print);
	console.log(`model: ${written.model}\nbase LLM: ${written.baseLlm}`);
	return 0;
}

const subcommands: Record<string, (values: Values) => Promise<number>> = { convert, standin: standIn };

export async function run(argv: string[]): Promise<number> {
	const [sub, ...rest] = argv;
	const handler = sub ? subcommands[sub] : undefined;
	if (!handler)
		throw new UsageError(
			`unknown subcommand "${sub ?? ''}"; use ${[...Object.keys(subcommands), 'verify'].join(', ')}.`,
		);
	return handler(parseCommandArgs(rest, options).values);
}
