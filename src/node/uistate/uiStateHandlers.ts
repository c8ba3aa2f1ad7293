import type { ApiHandlers } from '../../common/api/contract.js';
import type { ReadingPlace } from './ReadingPlace.js';

/** The UI-state calls; uiStateModule returns these. */
export function uiStateHandlers(place: ReadingPlace): Pick<ApiHandlers, 'ui.get' | 'ui.update'> {
	return {
		'ui.get': () => Promise.resolve(place.get()),
		'ui.update': (patch) => Promise.resolve(place.update(patch)),
	};
}
