/** The last lines a failing tool printed, on one line. */
const lastLines = (output: string) => output.trim().split('\n').slice(-3).join(' | ');

/** llama-quantize ran and failed; `output` holds the end of what it printed. */
export class QuantizeFailedError extends Error {
	override readonly name = 'QuantizeFailedError';
	constructor(
		readonly exitCode: number | null,
		readonly output: string,
	) {
		super(`llama-quantize failed (exit code ${exitCode ?? 'none'}): ${lastLines(output)}`);
	}
}
