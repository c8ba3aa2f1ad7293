import type { z } from 'zod';

/**
 * A message between the workstation and its model process that does not fit the protocol: an unknown
 * message type or operation, or an operation's input or result that fails its schema. The message names
 * what was checked (e.g. "draftReport input") and the first problem's path.
 */
export class ModelProtocolError extends Error {
	override readonly name = 'ModelProtocolError';

	/** `subject` says what failed, e.g. "draftReport input" or "a message from the model process". */
	static fromZod(subject: string, error: z.ZodError): ModelProtocolError {
		const issue = error.issues[0];
		const at = issue && issue.path.length ? issue.path.join('.') : '(top level)';
		return new ModelProtocolError(`${subject} does not fit its schema at ${at}: ${issue?.message ?? 'invalid'}`);
	}
}
