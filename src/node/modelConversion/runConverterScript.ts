import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../workstation/projectRoot.js';
import {
	ConversionInputMissing,
	ConverterFailed,
	ModelLayoutMismatch,
	UnsupportedModelConfig,
} from './conversionErrors.js';

/** The Python that has torch and onnx (Debian's); RADIALOG_PYTHON overrides it. */
const python = () => process.env.RADIALOG_PYTHON ?? '/usr/bin/python3';
// From the package root: this file also runs bundled into build/, where its own location says nothing.
const scriptsDir = path.join(projectRoot(), 'models', 'convert');

const refusals = {
	ModelLayoutMismatch,
	UnsupportedModelConfig,
	ModelFileMissing: ConversionInputMissing,
} as const;

/**
 * Runs one of models/convert/*.py, passing each stderr line to `onLine` (its progress report). Resolves
 * with stdout; a named refusal (exit 3) becomes that error, any other failure ConverterFailed.
 */
export function runConverterScript(script: string, args: readonly string[], onLine: (l: string) => void) {
	return new Promise<string>((resolve, reject) => {
		const child = spawn(python(), [path.join(scriptsDir, script), ...args], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, PYTHONWARNINGS: 'ignore' },
		});
		let stdout = '';
		let pending = '';
		const lines: string[] = [];
		child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
		child.stderr.on('data', (b: Buffer) => {
			pending += b.toString();
			const parts = pending.split('\n');
			pending = parts.pop()!;
			for (const l of parts) {
				lines.push(l);
				onLine(l);
			}
		});
		child.on('error', (err) => reject(new ConverterFailed(`cannot run ${python()}: ${err.message}`)));
		child.on('close', (code) => {
			if (pending) lines.push(pending);
			if (code === 0) return resolve(stdout);
			const last = lines.filter((l) => l.trim()).at(-1) ?? '';
			const named = /^(\w+): (.*)$/.exec(last);
			const Refusal = named ? refusals[named[1] as keyof typeof refusals] : undefined;
			if (code === 3 && Refusal) return reject(new Refusal(named![2]));
			reject(new ConverterFailed(`${script} ended with status ${code}: ${lines.slice(-5).join(' | ')}`));
		});
	});
}
