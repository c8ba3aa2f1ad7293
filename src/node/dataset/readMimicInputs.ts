import fs from 'node:fs';
import { chexpertLabels, type ChexpertLabel } from '../../common/domain/chexpert.js';
import type { SourceImage } from './InstructTeacher.js';
import { csvRecords } from './parseCsv.js';

export class DatasetInputError extends Error {
	override readonly name = 'DatasetInputError';
}

export interface MimicInputs {
	/** CSV with dicom_id (or study_id with --metadata) and a findings (or report) column. */
	readonly reports: string;
	/** CheXbert labels CSV: dicom_id or study_id, and the 14 label columns (1 positive; 0, -1, blank not). */
	readonly labels: string;
	/** MIMIC-CXR-JPG metadata CSV (dicom_id, study_id) when the other files are keyed by study. */
	readonly metadata?: string;
	/** MIMIC-NLE JSON lines: report_ID (study), nle, diagnosis_label (14 flags). */
	readonly nle?: string;
	/** Optional classifier predictions CSV (same shape as labels) for the report-generation prompt. */
	readonly predicted?: string;
}

const key = (r: Record<string, string>) => (r.dicom_id || r.study_id || r.study || '').replace(/^s(?=\d)/, '');

function labelRows(file: string): Map<string, ChexpertLabel[]> {
	const out = new Map<string, ChexpertLabel[]>();
	for (const r of csvRecords(fs.readFileSync(file, 'utf8'))) {
		const missing = chexpertLabels.filter((l) => !(l in r));
		if (missing.length) throw new DatasetInputError(`${file}: missing label columns ${missing.join(', ')}`);
		out.set(
			key(r),
			chexpertLabels.filter((l) => Number(r[l]) === 1),
		);
	}
	return out;
}

/** MIMIC-CXR-style inputs as dataset images; rows keyed by study expand to every image of the study. */
export function readMimicInputs(o: MimicInputs): SourceImage[] {
	const reports = csvRecords(fs.readFileSync(o.reports, 'utf8'));
	const labels = labelRows(o.labels);
	const predicted = o.predicted ? labelRows(o.predicted) : null;
	const dicomsOf = new Map<string, string[]>();
	if (o.metadata) {
		for (const r of csvRecords(fs.readFileSync(o.metadata, 'utf8'))) {
			const study = (r.study_id ?? '').replace(/^s/, '');
			if (!dicomsOf.has(study)) dicomsOf.set(study, []);
			dicomsOf.get(study)!.push(r.dicom_id ?? '');
		}
	}
	const nle = new Map<string, Partial<Record<ChexpertLabel, string>>>();
	if (o.nle) {
		for (const line of fs.readFileSync(o.nle, 'utf8').split('\n')) {
			if (!line.trim()) continue;
			const j = JSON.parse(line) as { report_ID?: string; nle?: string; diagnosis_label?: number[] };
			const study = String(j.report_ID ?? '').replace(/^s/, '');
			const e = nle.get(study) ?? {};
			(j.diagnosis_label ?? []).forEach((flag, k) => {
				if (flag === 1 && j.nle && chexpertLabels[k]) e[chexpertLabels[k]] = j.nle;
			});
			nle.set(study, e);
		}
	}
	const images: SourceImage[] = [];
	for (const r of reports) {
		const text = (r.findings ?? r.report ?? '').replace(/\s+/g, ' ').trim();
		const k = key(r);
		const l = labels.get(k);
		if (!text || !l) continue;
		const study = (r.study_id ?? k).replace(/^s/, '');
		for (const dicomId of r.dicom_id ? [r.dicom_id] : (dicomsOf.get(study) ?? [])) {
			const p = predicted?.get(dicomId) ?? predicted?.get(k);
			images.push({
				dicomId,
				report: text,
				labels: l,
				...(p ? { predictedFindings: p } : {}),
				...(nle.has(study) ? { explanations: nle.get(study)! } : {}),
			});
		}
	}
	if (!images.length)
		throw new DatasetInputError(
			'no image had both a report and labels; check the key columns (dicom_id or study_id with --metadata)',
		);
	return images;
}
