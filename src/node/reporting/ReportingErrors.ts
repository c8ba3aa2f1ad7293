import { ApiError } from '../../common/api/errors.js';

/** Errors of the reporting workflow; each maps to an API error code the UI can act on. */
export class ReportNotFoundError extends ApiError {
	constructor(message = 'This study has no report yet.') {
		super('not_found', message);
	}
}

export class SignedReportError extends ApiError {
	constructor(message = 'The report is signed and cannot be changed: add an addendum instead.') {
		super('conflict', message);
	}
}

export class ConsistencyIssuesError extends ApiError {
	constructor(message: string) {
		super('conflict', message);
	}
}

export class ReaderNameMissingError extends ApiError {
	constructor() {
		super('bad_request', 'Set your name in the settings before signing: a signature needs a reader.');
	}
}

export class AssistantUnavailableError extends ApiError {
	constructor(message: string) {
		super('unavailable', message);
	}
}

/** Apply would replace text the reader wrote since the model's last version; the UI asks first. */
export class ReaderEditsError extends ApiError {
	constructor() {
		super(
			'conflict',
			'You edited the report since the assistant wrote it: confirm that the rewrite replaces your edits.',
		);
	}
}

export class NothingToUndoError extends ApiError {
	constructor() {
		super('conflict', 'There is no applied correction to undo: the text has changed since.');
	}
}
