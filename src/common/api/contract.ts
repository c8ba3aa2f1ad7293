import type { z } from 'zod';
import { appContract } from './appContract.js';
import { worklistContract } from './worklistContract.js';
import { studiesContract } from './studiesContract.js';
import { reportContract } from './reportContract.js';
import { demoContract } from './demoContract.js';
import { uiStateContract } from './uiStateContract.js';
import { auditContract } from './auditContract.js';
import { outboxContract } from './outboxContract.js';
import { priorsContract } from './priorsContract.js';
import { pacsContract } from './pacsContract.js';

/**
 * The one contract between the UI and the backend. Each domain keeps its calls in its own
 * `*Contract.ts` file; this object only joins them. Both doors (Electron IPC and the browser
 * bridge) validate every call's input against it before any service code runs.
 */
export const apiContract = {
	...appContract,
	...worklistContract,
	...studiesContract,
	...reportContract,
	...demoContract,
	...uiStateContract,
	...auditContract,
	...outboxContract,
	...priorsContract,
	...pacsContract,
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.infer<ApiContract[M]['output']>;

/** What the backend implements and what the UI calls: the same shape on both sides. */
export type WorkstationApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> };
/** Server-side handlers receive the input after schema defaults are applied. */
export type ApiHandlers = { [M in ApiMethod]: (input: z.infer<ApiContract[M]['input']>) => Promise<ApiOutput<M>> };

export function isApiMethod(name: string): name is ApiMethod {
	return Object.prototype.hasOwnProperty.call(apiContract, name);
}
