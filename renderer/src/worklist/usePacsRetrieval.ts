import { useCallback, useEffect, useState } from 'react';
import type { PacsSearchHit } from '../../../src/common/api/pacsContract.js';
import { useClient } from '../api/ClientContext.js';

/** One study being brought from the PACS: its bar in the row, or why it failed. */
export interface RetrievalState {
	readonly jobId: string;
	readonly label: string;
	readonly fraction: number | null;
	readonly error: string | null;
}

/**
 * Retrieves studies from the PACS with their progress by Study Instance UID (the row's bar); the study is
 * opened once it is complete (the study's UID too, for callers retrieving more than one).
 */
export function usePacsRetrieval(onRetrieved: (studyId: number, studyInstanceUid: string) => void) {
	const client = useClient();
	const [states, setStates] = useState<Record<string, RetrievalState>>({});
	useEffect(
		() =>
			client.onEvent((e) => {
				if (e.type !== 'progress' || e.task !== 'retrieve') return;
				setStates((all) => {
					const uid = Object.keys(all).find((k) => all[k]?.jobId === e.jobId);
					if (!uid) return all;
					return { ...all, [uid]: { ...all[uid]!, label: e.label, fraction: e.fraction } };
				});
			}),
		[client],
	);
	const retrieve = useCallback(
		async (hit: Pick<PacsSearchHit, 'pacsId' | 'studyInstanceUid'>) => {
			const uid = hit.studyInstanceUid;
			const jobId = `retrieve:${crypto.randomUUID()}`;
			setStates((all) => ({ ...all, [uid]: { jobId, label: 'Retrieving…', fraction: null, error: null } }));
			try {
				const r = await client.api['pacs.retrieve']({ pacsId: hit.pacsId, studyInstanceUid: uid, jobId });
				onRetrieved(r.studyId, uid);
			} catch (e) {
				const error = `Not retrieved: ${(e as Error).message}`;
				setStates((all) => ({ ...all, [uid]: { jobId, label: error, fraction: null, error } }));
			}
		},
		[client, onRetrieved],
	);
	return { states, retrieve };
}
