import { performance } from 'node:perf_hooks';
import { verifyModelSet } from '../../inference/verify/verifyModelSet.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Check a model set before use (manifest, sha256, ONNX shapes, GGUF header): radialog models verify DIR';

/** One line per check, then the verdict; exit 0 only when every check passed. */
export async function run(argv: string[]): Promise<number> {
	const { positionals } = parseCommandArgs(argv, {});
	const [dir, ...extra] = positionals;
	if (!dir || extra.length) throw new UsageError('give exactly one model folder (or its manifest.json)');
	const started = performance.now();
	const verdict = await verifyModelSet(dir, (c) => {
		if (c.passed) console.log(`ok   ${c.subject}: ${c.detail}`);
		else console.error(`FAIL ${c.subject}: ${c.error?.name}: ${c.detail}`);
	});
	const failed = verdict.checks.filter((c) => !c.passed);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const of = `${verdict.checks.length} checks of ${dir}`;
	if (failed.length === 0) console.log(`PASS: all ${of} passed (${seconds} s)`);
	else console.error(`FAIL: ${failed.length} of ${of} failed (${seconds} s); do not use this set`);
	return failed.length === 0 ? 0 : 1;
}
