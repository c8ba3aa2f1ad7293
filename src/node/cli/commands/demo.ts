import path from 'node:path';
import { generatePhantomStudies } from '../../phantoms/generatePhantomStudies.js';
import { loadDemoStudies } from '../../demo/loadDemoStudies.js';
import { Workstation } from '../../workstation/Workstation.js';
import { dataDirFrom, parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Load synthetic demo studies (phantoms, not patients): radialog demo [--count N] [--out DIR] [--data-dir D]';

/** Bar on stderr so --out's listing on stdout stays clean. */
function progress(done: number, total: number): void {
	if (!process.stderr.isTTY) return;
	const w = 30,
		filled = Math.round((done / total) * w);
	process.stderr.write(
		`\r[${'#'.repeat(filled)}${'.'.repeat(w - filled)}] ${done}/${total} phantoms${done === total ? '\n' : ''}`,
	);
}

export async function run(argv: string[]): Promise<number> {
	const { values } = parseCommandArgs(argv, {
		count: { type: 'string' },
		out: { type: 'string' },
		seed: { type: 'string' },
	});
	const count = values.count === undefined ? 20 : Number(values.count);
	if (!Number.isInteger(count) || count < 1 || count > 10000)
		throw new UsageError(`--count must be 1..10000, not "${values.count}".`);
	if (values.out) {
		// Files only (e.g. for a PACS or another workstation): DICOM plus ground-truth.json.
		const first = values.seed === undefined ? 1 : Number(values.seed);
		if (!Number.isInteger(first) || first < 1) throw new UsageError('--seed must be a positive integer.');
		const truth = generatePhantomStudies({ outDir: values.out, count, firstSeed: first, onProgress: progress });
		console.log(
			`${truth.length} phantom studies written to ${path.resolve(values.out)} ` +
				'(ground truth in ground-truth.json). Synthetic data, not for clinical use.',
		);
		return 0;
	}
	if (values.seed !== undefined)
		throw new UsageError('--seed applies to --out only (the worklist demo always uses seeds 1..N).');
	const w = new Workstation({ dataDir: dataDirFrom(values), shell: 'browser' });
	try {
		const r = await loadDemoStudies(w.importer, w.options.dataDir, count, progress);
		console.log(
			`${r.studies} demo studies: ${r.imported} imported, ${r.duplicates} already there, ${r.failed} failed. ` +
				`${r.notice}.`,
		);
		return r.failed && !r.imported && !r.duplicates ? 1 : 0;
	} finally {
		await w.close();
	}
}
