import { runConverterScript } from './runConverterScript.js';

/** Writes a RaDialog-LLaVA stand-in (random weights, fixed seed) as DIR/model and DIR/base-llm. */
export async function writeStandIn(
	out: string,
	seed: number,
	onLine: (l: string) => void = () => {},
): Promise<{ model: string; baseLlm: string }> {
	const stdout = await runConverterScript('standin_llava.py', ['--out', out, '--seed', String(seed)], onLine);
	return JSON.parse(stdout.trim().split('\n').at(-1)!) as { model: string; baseLlm: string };
}
