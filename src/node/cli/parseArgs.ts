import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../workstation/appDataDir.js';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

/** node:util's parser with the workstation's shared flags and a readable error for a wrong flag. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
	try {
		return nodeParseArgs({
			args: argv,
			options: { 'data-dir': { type: 'string' }, ...options },
			allowPositionals: true,
			strict: true,
		});
	} catch (err) {
		throw new UsageError((err as Error).message);
	}
}

export function dataDirFrom(values: { 'data-dir'?: string | boolean | (string | boolean)[] | undefined }): string {
	const v = values['data-dir'];
	return typeof v === 'string' && v ? v : defaultDataDir();
}
