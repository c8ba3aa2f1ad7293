import type { IpcMainInvokeEvent } from 'electron';
import type { ApiErrorBody } from '../../src/common/api/errors.js';
import { toApiError, type ApiDispatcher } from '../../src/node/bridge/ApiDispatcher.js';
import { isAppSender } from './ipcSender.js';

type ApiCallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

class UnknownSenderError extends Error {
	override readonly name = 'UnknownSenderError';
}

/**
 * The `radialog:call` IPC handler: the sender is checked first (Electron security checklist, "17.
 * Validate the sender of all IPC messages"), then the call goes through the one API dispatcher, which
 * validates the method name and input. Service errors come back as values, so the page sees the same
 * error bodies as in browser mode; only a refused sender rejects the call.
 */
export function apiCallHandler(
	dispatcher: Pick<ApiDispatcher, 'dispatch'>,
): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, input: unknown) => Promise<ApiCallResult> {
	return async (event, method, input) => {
		if (!isAppSender(event)) throw new UnknownSenderError('Refused: unknown sender.');
		try {
			return { ok: true, value: await dispatcher.dispatch(String(method), input) };
		} catch (err) {
			return { ok: false, error: toApiError(err).toBody() };
		}
	};
}
