import { ApiError } from '../../common/api/errors.js';

/** Errors of exporting; each maps to an API error code the UI can act on. */
export class ExportFolderMissingError extends ApiError {
	constructor() {
		super('bad_request', 'Choose an export folder in the settings first.');
	}
}

export class HandoutMissingError extends ApiError {
	constructor() {
		super('not_found', 'Write or generate the easy-language text for the patient first.');
	}
}

export class ExportFolderNotAbsoluteError extends ApiError {
	constructor(folder: string) {
		super('bad_request', `The export folder must be a full path (for example /home/me/reports), not "${folder}".`);
	}
}
