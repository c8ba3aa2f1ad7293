import { apiContract, isApiMethod, type ApiHandlers } from '../../common/api/contract.js';
import { ApiError } from '../../common/api/errors.js';
import { isModelFailure } from '../inference/isModelFailure.js';

/**
 * The single gate both doors (Electron IPC and the browser bridge) pass through: unknown method
 * names are refused and every input is validated against the contract before a service sees it.
 */
export class ApiDispatcher {
	constructor(private readonly handlers: ApiHandlers) {}

	async dispatch(method: string, rawInput: unknown): Promise<unknown> {
		if (!isApiMethod(method)) throw new ApiError('not_found', `Unknown call "${method}".`);
		const parsed = apiContract[method].input.safeParse(rawInput ?? {});
		if (!parsed.success) {
			const first = parsed.error.issues[0];
			const why = first ? `${first.path.join('.') || 'input'}: ${first.message}` : 'rejected';
			throw new ApiError('bad_request', `Invalid input for ${method}: ${why}`);
		}
		const handler = this.handlers[method] as (input: unknown) => Promise<unknown>;
		return handler(parsed.data);
	}
}

/** A service error as the API answers it; the AI model's failures are 'unavailable' (a retry may work), named. */
export function toApiError(err: unknown): ApiError {
	if (err instanceof ApiError) return err;
	if (isModelFailure(err)) return new ApiError('unavailable', err.message, err.name);
	const message = err instanceof Error ? err.message : String(err);
	return new ApiError('internal', message);
}
