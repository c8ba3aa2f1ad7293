import fs from 'node:fs';
import path from 'node:path';
import type { ChexpertLabel } from '../../common/domain/chexpert.js';
import { renderPhantom } from '../../common/phantoms/renderPhantom.js';
import { phantomNotice, phantomStudy } from '../../common/phantoms/PhantomStudy.js';
import { writePhantomDicom } from './writePhantomDicom.js';

/** One line of ground-truth.json beside the generated files. */
export interface PhantomGroundTruth {
	readonly file: string;
	readonly seed: number;
	readonly patientId: string;
	readonly studyInstanceUid: string;
	readonly sopInstanceUid: string;
	readonly labels: readonly ChexpertLabel[];
	readonly findingsText: string;
}

export interface GeneratePhantomsOptions {
	readonly outDir: string;
	readonly count: number;
	/** Seeds are firstSeed, firstSeed+1, …; the same seeds always give the same files. */
	readonly firstSeed?: number;
	readonly size?: number;
	onProgress?(done: number, total: number): void;
}

/** Writes `count` phantom studies as DICOM files plus ground-truth.json (labels and findings text) into outDir. */
export function generatePhantomStudies(o: GeneratePhantomsOptions): PhantomGroundTruth[] {
	fs.mkdirSync(o.outDir, { recursive: true });
	const first = o.firstSeed ?? 1;
	const truth: PhantomGroundTruth[] = [];
	for (let k = 0; k < o.count; k++) {
		const seed = first + k;
		const s = phantomStudy(seed);
		const file = `phantom-${String(seed).padStart(6, '0')}.dcm`;
		fs.writeFileSync(path.join(o.outDir, file), writePhantomDicom(s, renderPhantom(s.case, o.size ?? 1024)));
		truth.push({
			file,
			seed,
			patientId: s.patient.id,
			studyInstanceUid: s.study.studyInstanceUid,
			sopInstanceUid: s.study.sopInstanceUid,
			labels: s.case.labels,
			findingsText: s.findingsText,
		});
		o.onProgress?.(k + 1, o.count);
	}
	fs.writeFileSync(
		path.join(o.outDir, 'ground-truth.json'),
		JSON.stringify({ notice: phantomNotice, studies: truth }, null, 1),
	);
	return truth;
}
