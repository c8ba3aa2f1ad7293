import type { ApiHandlers } from '../../common/api/contract.js';
import type { AuditChainWatch } from './AuditChainWatch.js';

/** The audit calls; auditModule returns these. */
export function auditHandlers(watch: AuditChainWatch): Pick<ApiHandlers, 'audit.status'> {
	return { 'audit.status': () => Promise.resolve(watch.status()) };
}
