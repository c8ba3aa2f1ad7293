import type { AuditChainCheck } from '../store/verifyAuditChain.js';

/** Checks the audit log's hash chain: from the last row found intact, or every row. */
export interface AuditChainChecker {
	check(scope: 'full' | 'incremental'): AuditChainCheck;
}
