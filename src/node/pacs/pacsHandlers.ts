import type { ApiHandlers } from '../../common/api/contract.js';
import { ApiError } from '../../common/api/errors.js';
import { PacsError } from './PacsErrors.js';
import { PacsNotConfiguredError } from './PacsNotConfiguredError.js';
import type { PacsService } from './PacsService.js';

/** A PACS failure as the API answers it: its words kept; a missing setting is the reader's to fix. */
async function answered<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof PacsNotConfiguredError) throw new ApiError('not_found', error.message, error.name);
		if (error instanceof PacsError) throw new ApiError('unavailable', error.message, error.name);
		throw error;
	}
}

/** Testing, searching and retrieving from the PACS set up in the settings. */
export function pacsHandlers(pacs: PacsService): Pick<ApiHandlers, 'pacs.test' | 'pacs.search' | 'pacs.retrieve'> {
	return {
		'pacs.test': ({ connection }) => pacs.test(connection),
		'pacs.search': ({ pacsId, query }) => answered(() => pacs.search(pacsId, query)),
		'pacs.retrieve': ({ pacsId, studyInstanceUid, jobId }) =>
			answered(() => pacs.retrieve(pacsId, studyInstanceUid, jobId)),
	};
}
