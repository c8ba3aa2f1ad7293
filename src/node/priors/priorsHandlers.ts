import type { ApiHandlers } from '../../common/api/contract.js';
import type { PatientPriors } from './PatientPriors.js';

/** The priors call: the patient's other studies beside the one being read. */
export function priorsHandlers(priors: PatientPriors): Pick<ApiHandlers, 'priors.list'> {
	return {
		'priors.list': ({ studyId }) => priors.search(studyId),
	};
}
