import { useCallback, useEffect, useState } from 'react';
import type { PriorStudy } from '../../../src/common/api/priorsContract.js';
import { useClient } from '../api/ClientContext.js';

/**
 * The patient's other studies (null while loading), why they could not be listed, the places that could
 * not be searched (a PACS down), and `reload` for after a prior was retrieved.
 */
export function usePriors(studyId: number): {
	priors: PriorStudy[] | null;
	error: string | null;
	notes: string[];
	reload: () => void;
} {
	const { api } = useClient();
	const [priors, setPriors] = useState<PriorStudy[] | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [notes, setNotes] = useState<string[]>([]);
	const [round, setRound] = useState(0);
	useEffect(() => {
		setPriors(null);
		setNotes([]);
	}, [studyId]);
	useEffect(() => {
		let live = true;
		setError(null);
		api['priors.list']({ studyId }).then(
			(r) => {
				if (!live) return;
				setPriors(r.priors);
				setNotes(r.notes ?? []);
			},
			(e: Error) => live && setError(`Earlier studies could not be listed: ${e.message}`),
		);
		return () => {
			live = false;
		};
	}, [api, studyId, round]);
	const reload = useCallback(() => setRound((r) => r + 1), []);
	return { priors, error, notes, reload };
}
