/** Errors that cross the API boundary keep a code the UI can act on and a message a person can read. */
export type ApiErrorCode =
	'bad_request' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'internal' | 'unavailable';

export interface ApiErrorBody {
	readonly code: ApiErrorCode;
	readonly message: string;
	/** The named error behind it where one is known (e.g. ModelProcessCrashed), for logs and support. */
	readonly name?: string;
}

export class ApiError extends Error {
	override readonly name = 'ApiError';
	constructor(
		readonly code: ApiErrorCode,
		message: string,
		/** The name of the service error this one answers for, if any. */
		readonly source?: string,
	) {
		super(message);
	}
	toBody(): ApiErrorBody {
		return { code: this.code, message: this.message, ...(this.source ? { name: this.source } : {}) };
	}
}
