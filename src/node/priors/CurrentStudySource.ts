import type { CurrentStudy } from './CurrentStudy.js';

/** Looks up the study being read; throws a not-found error where there is no such study. */
export interface CurrentStudySource {
	current(studyId: number): CurrentStudy;
}
