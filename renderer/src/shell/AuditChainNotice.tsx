import { useEffect, useState } from 'react';
import type { AuditChainStatus } from '../../../src/common/api/auditContract.js';
import { useClient } from '../api/ClientContext.js';

/** How long to wait before asking again while the background check of every audit row runs. */
const recheckMs = 2000;

/**
 * A persistent red notice when the audit log's hash chain does not hold: someone changed, removed or
 * moved audit rows around the database's guards. It stays until restart; IT must investigate.
 */
export function AuditChainNotice() {
	const { api } = useClient();
	const [status, setStatus] = useState<AuditChainStatus | null>(null);
	useEffect(() => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		let live = true;
		const ask = () => {
			api['audit.status']({}).then(
				(s) => {
					if (!live) return;
					setStatus(s);
					if (s.fullCheckPending && s.state === 'intact') timer = setTimeout(ask, recheckMs);
				},
				() => undefined,
			);
		};
		ask();
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [api]);
	if (status?.state !== 'broken') return null;
	return (
		<div className="banner banner-error" role="alert" data-testid="audit-chain-notice">
			The audit log has been tampered with: audit row {status.firstBrokenRowId} does not hold ({status.problem}).
			Keep working; tell IT, who can run <code>radialog verify-audit</code> on this data folder.
		</div>
	);
}
