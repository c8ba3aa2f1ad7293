import type { AuditChainStatus } from '../../common/api/auditContract.js';
import type { AuditChainCheck } from '../store/verifyAuditChain.js';
import type { AuditChainChecker } from './AuditChainChecker.js';

/**
 * Checks the audit chain when the workstation starts: the rows written since the last check at once
 * (fast with any size of log), then every row in the background, since an old row edited around the
 * triggers only shows when it is read again. A break, once found, stays reported until restart.
 */
export class AuditChainWatch {
	private current: AuditChainStatus;
	private fullPending = true;

	constructor(private readonly chain: AuditChainChecker) {
		this.current = this.toStatus(this.chain.check('incremental'));
	}

	status(): AuditChainStatus {
		return { ...this.current, fullCheckPending: this.fullPending };
	}

	/** The background pass over every row. */
	checkAll(): void {
		const full = this.chain.check('full');
		this.fullPending = false;
		// The full pass names the earliest broken row; a break found at start-up is never cleared by it.
		if (!full.intact || this.current.state === 'intact') this.current = this.toStatus(full);
	}

	private toStatus(c: AuditChainCheck): AuditChainStatus {
		const at = new Date().toISOString();
		return c.intact
			? {
					state: 'intact',
					rows: c.total,
					firstBrokenRowId: null,
					problem: null,
					checkedAt: at,
					fullCheckPending: true,
				}
			: {
					state: 'broken',
					rows: c.total,
					firstBrokenRowId: c.brokenRowId,
					problem: c.problem,
					checkedAt: at,
					fullCheckPending: true,
				};
	}
}
