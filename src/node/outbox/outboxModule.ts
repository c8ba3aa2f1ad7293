import { openPacsClient } from '../pacs/index.js';
import type { SqliteDatabase } from '../store/openDatabase.js';
import type { WorkstationModule } from '../workstation/WorkstationModule.js';
import { Outbox } from './Outbox.js';
import type { OutboxDependencies } from './OutboxDependencies.js';
import { OutboxDelivery } from './OutboxDelivery.js';
import { outboxHandlers } from './outboxHandlers.js';
import { OutboxQueue } from './OutboxQueue.js';
import { SqliteOutbox } from './SqliteOutbox.js';
import { TcpMllpSender } from './TcpMllpSender.js';

/**
 * Signed reports on their way to the PACS (DICOM SR) and the RIS (HL7 over MLLP): `queue` hears each
 * signature in its transaction, the background delivery sends and retries, the handlers show it.
 */
export function outboxModule(
	d: Omit<OutboxDependencies, 'store' | 'openPacs' | 'mllp' | 'transaction'> &
		Partial<Pick<OutboxDependencies, 'openPacs' | 'mllp'>> & { db: SqliteDatabase; mllpTimeoutMs?: number },
) {
	const deps: OutboxDependencies = {
		store: new SqliteOutbox(d.db),
		reports: d.reports,
		settings: d.settings,
		origins: d.origins,
		openPacs: d.openPacs ?? openPacsClient,
		mllp: d.mllp ?? new TcpMllpSender(d.mllpTimeoutMs),
		events: d.events,
		transaction: (fn) => d.db.transaction(fn)(),
		...(d.timing ? { timing: d.timing } : {}),
	};
	const delivery = new OutboxDelivery(deps);
	const queue = new OutboxQueue(deps, () => setImmediate(() => delivery.kick()));
	const outbox = new Outbox(deps, () => delivery.kick());
	return {
		queue,
		outbox,
		delivery,
		handlers: outboxHandlers(outbox),
		background: [delivery],
	} satisfies WorkstationModule;
}
