import type { ApiEvent } from '../../../src/common/api/events.js';
import type { ApiInput, ApiMethod, ApiOutput, WorkstationApi } from '../../../src/common/api/contract.js';
import { apiMethodNames } from '../../../src/common/api/methodNames.js';
import type { ApiErrorBody } from '../../../src/common/api/errors.js';

/** The Electron preload's surface (main/preload/preload.ts). */
interface ElectronDoor {
	call(method: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorBody }>;
	onEvent(listener: (event: unknown) => void): () => void;
}

export class WorkstationCallError extends Error {
	override readonly name = 'WorkstationCallError';
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export interface WorkstationClient {
	readonly api: WorkstationApi;
	onEvent(listener: (event: ApiEvent) => void): () => void;
}

type Caller = (method: string, input: unknown) => Promise<unknown>;

function proxy(call: Caller): WorkstationApi {
	const api = {} as Record<ApiMethod, (input: unknown) => Promise<unknown>>;
	for (const m of apiMethodNames) api[m] = (input) => call(m, input);
	return api as unknown as WorkstationApi;
}

function electronClient(door: ElectronDoor): WorkstationClient {
	return {
		api: proxy(async (method, input) => {
			const r = await door.call(method, input);
			if (!r.ok) throw new WorkstationCallError(r.error.code, r.error.message);
			return r.value;
		}),
		onEvent: (l) => door.onEvent((e) => l(e as ApiEvent)),
	};
}

/** The per-launch token arrives in the URL fragment; kept for reloads, then removed from the address bar. */
function bridgeToken(): string {
	const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
	if (fromHash) {
		sessionStorage.setItem('radialog-token', fromHash);
		history.replaceState(null, '', location.pathname + location.search);
		return fromHash;
	}
	return sessionStorage.getItem('radialog-token') ?? '';
}

function bridgeClient(): WorkstationClient {
	const token = bridgeToken();
	const listeners = new Set<(e: ApiEvent) => void>();
	const connect = () => {
		const ws = new WebSocket(`ws://${location.host}/events?token=${encodeURIComponent(token)}`);
		ws.onmessage = (m) => {
			for (const l of listeners) l(JSON.parse(String(m.data)) as ApiEvent);
		};
		ws.onclose = () => setTimeout(connect, 1000);
	};
	connect();
	return {
		api: proxy(async (method, input) => {
			const binaryInput =
				input && typeof input === 'object' && (input as { bytes?: unknown }).bytes instanceof Uint8Array;
			const { bytes, ...meta } = (binaryInput ? input : {}) as { bytes?: Uint8Array };
			const res = await fetch(`/api/${encodeURIComponent(method)}`, {
				method: 'POST',
				headers: binaryInput
					? {
							'content-type': 'application/octet-stream',
							'x-radialog-token': token,
							'x-radialog-meta': encodeURIComponent(JSON.stringify(meta)),
						}
					: { 'content-type': 'application/json', 'x-radialog-token': token },
				body: binaryInput ? (bytes as BodyInit) : JSON.stringify(input ?? {}),
			});
			if (!res.ok) {
				const body = (await res.json().catch(() => null)) as { error?: ApiErrorBody } | null;
				throw new WorkstationCallError(
					body?.error?.code ?? 'internal',
					body?.error?.message ?? `Request failed (${res.status}).`,
				);
			}
			if (res.headers.get('content-type')?.startsWith('application/octet-stream')) {
				return {
					kind: 'binary',
					meta: JSON.parse(decodeURIComponent(res.headers.get('x-radialog-meta') ?? '%7B%7D')) as unknown,
					bytes: new Uint8Array(await res.arrayBuffer()),
				};
			}
			return res.json();
		}),
		onEvent: (l) => {
			listeners.add(l);
			return () => listeners.delete(l);
		},
	};
}

export function createWorkstationClient(): WorkstationClient {
	const door = (window as unknown as { radialog?: ElectronDoor }).radialog;
	return door ? electronClient(door) : bridgeClient();
}

export type { ApiInput, ApiOutput };
