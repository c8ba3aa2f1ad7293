import type { ApiHandlers } from '../../common/api/contract.js';
import type { StudyImporter } from '../studies/index.js';

/** The demo calls; demoModule returns these. */
export function demoHandlers(w: { importer: StudyImporter; dataDir: string }): Pick<ApiHandlers, 'demo.load'> {
	return {
		// The phantom generator (and dcmjs, which writes its DICOM) loads when demo studies are asked for.
		'demo.load': async ({ count }) =>
			(await import('./loadDemoStudies.js')).loadDemoStudies(w.importer, w.dataDir, count),
	};
}
