import type { ApiHandlers } from '../../common/api/contract.js';
import type { StudyImporter } from '../studies/index.js';
import { loadDemoStudies } from './loadDemoStudies.js';

/** The demo calls; demoModule returns these. */
export function demoHandlers(w: { importer: StudyImporter; dataDir: string }): Pick<ApiHandlers, 'demo.load'> {
	return {
		'demo.load': ({ count }) => loadDemoStudies(w.importer, w.dataDir, count),
	};
}
