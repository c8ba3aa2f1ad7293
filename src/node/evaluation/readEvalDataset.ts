import fs from 'node:fs';
import zlib from 'node:zlib';
import type { RadialogTask } from '../../common/radialog/instructTemplates.js';
import { lowerCaseCsvRecords } from './lowerCaseCsvRecords.js';
import { pickField } from './pickField.js';
import { instructTaskOf } from './instructTask.js';

/** One thing to score: what the model was asked about an image, and the reference answer. */
export interface EvalSample {
	readonly dicom: string;
	readonly task: RadialogTask;
	readonly reference: string;
	/** The dataset's instruction, where it has one (instruct datasets). */
	readonly instruction?: string;
}

export class UnreadableDataset extends Error {
	override readonly name = 'UnreadableDataset';
}

export const dicomColumns = ['dicom_id', 'dicom', 'id', 'image_id'] as const;
const referenceColumns = ['report', 'reference', 'reference_report', 'findings', 'text', 'output'] as const;

/**
 * An evaluation dataset: the RaDialog Instruct Dataset's gzip JSON list of {instruction, output, dicom}
 * (.json.gz, or the same list as plain .json), or a CSV with a dicom id and a reference report per row.
 */
export function readEvalDataset(file: string): EvalSample[] {
	const bytes = fs.readFileSync(file);
	const gz = bytes[0] === 0x1f && bytes[1] === 0x8b;
	const text = (gz ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
	if (gz || text.trimStart().startsWith('[')) return instructSamples(text, file);
	return csvSamples(text, file);
}

function instructSamples(text: string, file: string): EvalSample[] {
	let list: unknown;
	try {
		list = JSON.parse(text);
	} catch (err) {
		throw new UnreadableDataset(`${file}: not a JSON list (${(err as Error).message})`);
	}
	if (!Array.isArray(list))
		throw new UnreadableDataset(`${file}: expected a JSON list of {instruction, output, dicom}`);
	return list.map((r: unknown, i) => {
		const o = (r ?? {}) as Record<string, unknown>;
		if (typeof o.instruction !== 'string' || typeof o.output !== 'string' || typeof o.dicom !== 'string') {
			throw new UnreadableDataset(`${file}: record ${i} lacks a string instruction, output or dicom`);
		}
		return { dicom: o.dicom, task: instructTaskOf(o.instruction), reference: o.output, instruction: o.instruction };
	});
}

function csvSamples(text: string, file: string): EvalSample[] {
	return lowerCaseCsvRecords(text).map((r, i) => {
		const dicom = pickField(r, dicomColumns)?.trim();
		const reference = pickField(r, referenceColumns);
		if (!dicom || reference === undefined) {
			throw new UnreadableDataset(
				`${file}: row ${i + 2} needs a dicom id (${dicomColumns.join(' / ')}) ` +
					`and a report (${referenceColumns.join(' / ')})`,
			);
		}
		return { dicom, task: 'RG' as const, reference };
	});
}
