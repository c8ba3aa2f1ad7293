import * as errors from '../modelErrors.js';
import { Cancelled } from './Cancelled.js';
import { ModelProtocolError } from './ModelProtocolError.js';
import type { SerializedError } from './protocol.js';

const known: Record<string, { prototype: Error }> = {
	ModelProtocolError,
	InvalidManifest: errors.InvalidManifest,
	ModelFileMissing: errors.ModelFileMissing,
	ModelHashMismatch: errors.ModelHashMismatch,
	ModelShapeMismatch: errors.ModelShapeMismatch,
	ModelFileCorrupt: errors.ModelFileCorrupt,
	NotALanguageModel: errors.NotALanguageModel,
};

/** The error as thrown in the model process, same class name and message (the message already names files). */
export function revivedError(e: SerializedError): Error {
	if (e.name === 'Cancelled') return new Cancelled(e.message);
	const Known = known[e.name];
	if (Known) {
		const err = Object.create(Known.prototype) as Error;
		Object.defineProperty(err, 'message', { value: e.message });
		Object.defineProperty(err, 'name', { value: e.name });
		return err;
	}
	return new errors.ModelProcessFailed(e.name, e.message);
}
