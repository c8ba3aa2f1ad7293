import fs from 'node:fs';
import zlib from 'node:zlib';
import type { InstructRecord } from './InstructRecord.js';

/**
 * Writes records as the published file is written (Python's json.dump defaults: ", " and ": " separators,
 * non-ASCII escaped as \uXXXX), so tools written for that file read this one unchanged.
 */
export function serializeDataset(records: readonly InstructRecord[]): string {
	const str = (s: string) =>
		JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	const record = (r: InstructRecord) =>
		`{"instruction": ${str(r.instruction)}, "output": ${str(r.output)}, "dicom": ${str(r.dicom)}}`;
	return `[${records.map(record).join(', ')}]`;
}

/** The dataset file's bytes: the serialized records, gzip-compressed. */
export function datasetGzip(records: readonly InstructRecord[]): Uint8Array {
	return zlib.gzipSync(Buffer.from(serializeDataset(records), 'utf8'));
}

export function writeDatasetFile(file: string, records: readonly InstructRecord[]): void {
	fs.writeFileSync(file, datasetGzip(records));
}

export function readDatasetFile(file: string): InstructRecord[] {
	return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as InstructRecord[];
}
