import type { PhantomCase } from '../../common/phantoms/PhantomCase.js';
import { phantomStudy } from '../../common/phantoms/PhantomStudy.js';
import type { SourceImage } from './InstructTeacher.js';
import { PhantomTeacher } from './PhantomTeacher.js';

/**
 * Phantom seeds as dataset images (`variation`: see PhantomTeacher) (dicom id = the SOP Instance UID)
 * with their rule-based teacher.
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
		images.push({ dicomId: id, report: s.findingsText, labels: s.case.labels });
	}
	return { images, teacher: new PhantomTeacher(cases, variation), cases };
}
