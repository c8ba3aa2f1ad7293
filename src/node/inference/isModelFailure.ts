import * as errors from './modelErrors.js';
import { ModelProtocolError } from './process/ModelProtocolError.js';

const kinds = [
	errors.ModelSetError,
	errors.ModelProcessCrashed,
	errors.ModelProcessClosed,
	errors.ModelProcessFailed,
	ModelProtocolError,
];

/**
 * Whether `err` is the model stack's (a broken model folder, a model process that died, was closed or
 * failed): the AI is unavailable for now, while the rest of the workstation works on.
 */
export function isModelFailure(err: unknown): err is Error {
	return kinds.some((kind) => err instanceof kind);
}
