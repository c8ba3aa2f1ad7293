import { useEffect, useState } from 'react';
import type { PriorStudy } from '../../../src/common/api/priorsContract.js';
import { useClient } from '../api/ClientContext.js';

/** The patient's other studies (null while loading), and why they could not be listed. */
export function usePriors(studyId: number): { priors: PriorStudy[] | null; error: string | null } {
	const { api } = useClient();
	const [priors, setPriors] = useState<PriorStudy[] | null>(null);
	const [error, setError] = useState<string | null>(null);
	useEffect(() => {
		let live = true;
		setPriors(null);
		setError(null);
		api['priors.list']({ studyId }).then(
			(r) => live && setPriors(r.priors),
			(e: Error) => live && setError(`Earlier studies could not be listed: ${e.message}`),
		);
		return () => {
			live = false;
		};
	}, [api, studyId]);
	return { priors, error };
}
