import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../workstation/projectRoot.js';
import { QuantizeFailedError } from './QuantizeFailedError.js';
import { QuantizeToolMissingError } from './QuantizeToolMissingError.js';

/** Where models/convert/build-quantize.sh puts the tool. */
export const llamaQuantizeTool = path.join(projectRoot(), 'models', '.cache', 'bin', 'llama-quantize');

/** gguf-py cannot write k-quants; llama.cpp's own tool, built from node-llama-cpp's bundled source, can. */
const typeNames = { q4_k_m: 'Q4_K_M' } as const;

/**
 * Writes `outputGguf` as `inputGguf` quantized to `type` (from an f16 or f32 GGUF), with llama.cpp's
 * llama-quantize. QuantizeToolMissingError when the tool is not built, QuantizeFailedError when it fails.
 * `tool`: another llama-quantize (tests; a site's own llama.cpp build).
 */
export async function llamaQuantize(
	inputGguf: string,
	outputGguf: string,
	type: keyof typeof typeNames,
	tool = llamaQuantizeTool,
): Promise<void> {
	if (!fs.existsSync(tool)) throw new QuantizeToolMissingError(tool);
	const threads = String(Math.max(1, Math.min(8, os.availableParallelism())));
	const args = [inputGguf, outputGguf, typeNames[type], threads];
	let output = '';
	const exitCode = await new Promise<number | null>((resolve, reject) => {
		const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		// Only the end is kept: the tool prints one line per tensor.
		const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('error', reject);
		child.on('close', resolve);
	});
	if (exitCode !== 0) {
		fs.rmSync(outputGguf, { force: true });
		throw new QuantizeFailedError(exitCode, output);
	}
}
