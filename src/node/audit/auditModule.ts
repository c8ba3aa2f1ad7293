import type { SqliteDatabase } from '../store/openDatabase.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { AuditChainWatch } from './AuditChainWatch.js';
import { auditHandlers } from './auditHandlers.js';
import { FullAuditCheck } from './FullAuditCheck.js';
import { SqliteAuditChain } from './SqliteAuditChain.js';

/** Tamper evidence for the audit log: checked at start-up, in full in the background, shown to the UI. */
export function auditModule(d: { db: SqliteDatabase }) {
	const watch = new AuditChainWatch(new SqliteAuditChain(d.db));
	return {
		watch,
		handlers: auditHandlers(watch),
		background: [new FullAuditCheck(watch)],
	} satisfies WorkstationModule;
}
