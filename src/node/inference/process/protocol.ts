import type { ModelEvent } from '../../../common/radialog/ModelEvent.js';
import type { EngineOptions } from '../RadialogEngine.js';

/** Messages between the workstation and its model process (structured clone: typed arrays travel as is). */
export type CallMethod = 'predictFindings' | 'draftReport' | 'followUp';

export type ToModelProcess =
	| { readonly type: 'open'; readonly options: Omit<EngineOptions, 'onEvent'> }
	| { readonly type: 'call'; readonly id: number; readonly method: CallMethod; readonly input: unknown }
	| { readonly type: 'cancel'; readonly id: number }
	| { readonly type: 'close' };

export interface SerializedError {
	readonly name: string;
	readonly message: string;
}

export type FromModelProcess =
	| { readonly type: 'opened'; readonly notice: string | null }
	| { readonly type: 'openFailed'; readonly error: SerializedError }
	| { readonly type: 'event'; readonly event: ModelEvent }
	| { readonly type: 'token'; readonly id: number; readonly text: string; readonly tokensPerSecond: number | null }
	| { readonly type: 'result'; readonly id: number; readonly value: unknown }
	| { readonly type: 'failed'; readonly id: number; readonly error: SerializedError };

export function serializeError(err: unknown): SerializedError {
	const e = err instanceof Error ? err : new Error(String(err));
	return { name: e.name, message: e.message };
}
