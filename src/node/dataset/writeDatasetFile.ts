import fs from 'node:fs';
import zlib from 'node:zlib';
import type { InstructRecord } from './buildInstructDataset.js';

/**
 * Writes records as the published file is written (Python's json.dump defaults: ", " and ": " separators,
 * non-ASCII escaped as \uXXXX), gzip-compressed, so tools written for that file read this one unchanged.
 */
export function serializeDataset(records: readonly InstructRecord[]): string {
	const str = (s: string) =>
		JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return `[${records.map((r) => `{"instruction": ${str(r.instruction)}, "output": ${str(r.output)}, "dicom": ${str(r.dicom)}}`).join(', ')}]`;
}

export function writeDatasetFile(file: string, records: readonly InstructRecord[]): void {
	fs.writeFileSync(file, zlib.gzipSync(Buffer.from(serializeDataset(records), 'utf8')));
}

export function readDatasetFile(file: string): InstructRecord[] {
	return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as InstructRecord[];
}
