import type { SqliteDatabase } from '../store/openDatabase.js';
import { type AuditChainCheck, verifyAuditChain } from '../store/verifyAuditChain.js';
import type { AuditChainChecker } from './AuditChainChecker.js';

/** The audit chain as stored in the workstation database. */
export class SqliteAuditChain implements AuditChainChecker {
	constructor(private readonly db: SqliteDatabase) {}

	check(scope: 'full' | 'incremental'): AuditChainCheck {
		return verifyAuditChain(this.db, scope);
	}
}
