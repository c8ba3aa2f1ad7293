import type { SqliteDatabase } from '../store/openDatabase.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { LocalPriorFinder } from './LocalPriorFinder.js';
import { PatientPriors } from './PatientPriors.js';
import type { PriorReportSource } from './PriorReportSource.js';
import { priorsHandlers } from './priorsHandlers.js';
import type { PriorStudyFinder } from './PriorStudyFinder.js';
import { SqliteStudyPatients } from './SqliteStudyPatients.js';

/** The patient's earlier studies: the local store first, then any further finders (a PACS, later). */
export function priorsModule(d: {
	db: SqliteDatabase;
	reports: PriorReportSource;
	moreFinders?: readonly PriorStudyFinder[];
	finderTimeoutMs?: number;
}) {
	const priors = new PatientPriors({
		studies: new SqliteStudyPatients(d.db),
		finders: [new LocalPriorFinder(d.db), ...(d.moreFinders ?? [])],
		reports: d.reports,
		...(d.finderTimeoutMs ? { finderTimeoutMs: d.finderTimeoutMs } : {}),
	});
	return { priors, handlers: priorsHandlers(priors), background: [] } satisfies WorkstationModule;
}
