import type { ApiHandlers } from '../../common/api/contract.js';
import type { StudyImporter } from '../studies/StudyImporter.js';
import { loadDemoStudies } from './loadDemoStudies.js';

/** The demo calls; the Workstation spreads these into its handlers. */
export function demoHandlers(w: { importer: StudyImporter; dataDir: string }): Pick<ApiHandlers, 'demo.load'> {
	return {
		'demo.load': async ({ count }) => loadDemoStudies(w.importer, w.dataDir, count),
	};
}
