import { ApiError } from '../../common/api/errors.js';

/** The study asked about does not exist (deleted, or a stale id). */
export class PriorsStudyNotFoundError extends ApiError {
	constructor(studyId: number) {
		super('not_found', `Study ${studyId} does not exist, so its earlier studies cannot be listed.`);
	}
}
