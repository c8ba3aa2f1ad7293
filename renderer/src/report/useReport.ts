import { useCallback, useEffect, useRef, useState } from 'react';
import type { TokenStream } from '../../../src/common/api/events.js';
import type { ReportState } from '../../../src/common/api/reportContract.js';
import { useClient } from '../api/ClientContext.js';

export interface LiveStream {
	readonly jobId: string;
	/** draft | correct | ask: which model call is streaming, as the server labelled it. */
	readonly kind: TokenStream;
	readonly text: string;
	readonly tokensPerSecond: number | null;
}

/** The open study's report state, the model text streaming in, and a runner that tracks busy/errors. */
export function useReport(studyId: number) {
	const client = useClient();
	const [state, setState] = useState<ReportState | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState<string | null>(null);
	const [stream, setStream] = useState<LiveStream | null>(null);
	const alive = useRef(true);
	// Token events can arrive after the call that caused them returned: only a call in flight, or a study
	// still waiting for its first draft (the background queue), may show streamed text.
	const busyRef = useRef<string | null>(null);
	const stateRef = useRef<ReportState | null>(null);
	stateRef.current = state;
	/** The editor's save of what the reader typed: model calls and signing act on the saved text only. */
	const saveEdits = useRef<(() => Promise<boolean>) | null>(null);
	const flushEdits = useCallback(() => saveEdits.current?.() ?? Promise.resolve(true), []);

	const reload = useCallback(async () => {
		const s = await client.api['report.open']({ studyId });
		if (alive.current) setState(s);
		return s;
	}, [client, studyId]);

	useEffect(() => {
		alive.current = true;
		setState(null);
		reload().catch((e: Error) => setError(e.message));
		return () => {
			alive.current = false;
		};
	}, [reload]);

	useEffect(
		() =>
			client.onEvent((e) => {
				if (
					e.type === 'tokens' &&
					e.studyId === studyId &&
					(busyRef.current !== null || !stateRef.current?.report)
				) {
					setStream((prev) =>
						prev && prev.jobId === e.jobId
							? { ...prev, text: prev.text + e.text, tokensPerSecond: e.tokensPerSecond }
							: {
									jobId: e.jobId,
									kind: e.stream,
									text: e.text,
									tokensPerSecond: e.tokensPerSecond,
								},
					);
				}
				// A background draft of this study finished: show it.
				if (e.type === 'progress' && e.studyId === studyId && e.done) {
					if (busyRef.current === null) setStream(null);
					reload().catch(() => undefined);
				}
			}),
		[client, studyId, reload],
	);

	/** Runs one call; its result (when a ReportState) replaces the state. Errors show, never throw. */
	const run = useCallback(async <T>(label: string, call: () => Promise<T>): Promise<T | null> => {
		setBusy(label);
		busyRef.current = label;
		setError(null);
		try {
			const out = await call();
			if (alive.current && isReportState(out)) setState(out);
			return out;
		} catch (e) {
			if (alive.current) setError((e as Error).message);
			return null;
		} finally {
			busyRef.current = null;
			if (alive.current) {
				setBusy(null);
				setStream(null);
			}
		}
	}, []);

	return { api: client.api, state, setState, error, setError, busy, stream, run, reload, saveEdits, flushEdits };
}

/** Draft, sign and the like answer with the report state; the contract marks it with its `kind`. */
function isReportState(out: unknown): out is ReportState {
	return typeof out === 'object' && out !== null && (out as { kind?: unknown }).kind === 'report.state';
}

export type ReportHandle = ReturnType<typeof useReport>;
