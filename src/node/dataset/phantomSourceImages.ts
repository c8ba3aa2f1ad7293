import type { PhantomCase } from '../../common/phantoms/PhantomCase.js';
import { phantomStudy } from '../../common/phantoms/PhantomStudy.js';
import type { SourceImage } from './InstructTeacher.js';
import { PhantomTeacher } from './PhantomTeacher.js';

/**
 * Phantom seeds as dataset images (`variation`: see PhantomTeacher) (dicom id = the SOP Instance UID)
 * with their rule-based teacher. In odd variations a phantom without findings is given to the prompt
 * with no positive label at all, so "Predicted Findings: no common findings" (what the workstation sends
 * when the classifier passes nothing, or the reader has rejected every finding) is met in training too.
 */
export function phantomSourceImages(
	seeds: Iterable<number>,
	variation = 0,
): { images: SourceImage[]; teacher: PhantomTeacher; cases: Map<string, PhantomCase> } {
	const images: SourceImage[] = [];
	const cases = new Map<string, PhantomCase>();
	for (const seed of seeds) {
		const s = phantomStudy(seed);
		const id = s.study.sopInstanceUid;
		cases.set(id, s.case);
		const labels = s.case.labels;
		const noneSaid = variation % 2 === 1 && labels.includes('No Finding');
		images.push({
			dicomId: id,
			report: s.findingsText,
			labels,
			...(noneSaid ? { predictedFindings: labels.filter((l) => l !== 'No Finding') } : {}),
		});
	}
	return { images, teacher: new PhantomTeacher(cases, variation), cases };
}
