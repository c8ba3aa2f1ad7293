import type { StudyImporter } from '../studies/index.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { demoHandlers } from './demoHandlers.js';

/** Synthetic demo studies, imported like any other on request. */
export function demoModule(d: { importer: StudyImporter; dataDir: string }) {
	return { handlers: demoHandlers(d), background: [] } satisfies WorkstationModule;
}
