import type { OutboxItem, OutboxList } from '../../common/api/outboxContract.js';
import type { ReportDocument } from '../export/index.js';
import type { OutboxDependencies } from './OutboxDependencies.js';
import { OutboxItemNotFoundError } from './OutboxErrors.js';
import type { OutboxRecord } from './OutboxStore.js';

/** Delivered items listed beside the undelivered ones, so the reader sees what went out lately. */
const recentDelivered = 50;

/** The outbox as the reader sees it: what waits, what was refused and why, and Retry now. */
export class Outbox {
	constructor(
		private readonly d: Pick<OutboxDependencies, 'store' | 'reports' | 'settings'>,
		private readonly kick: () => void,
	) {}

	list(): OutboxList {
		const studies = new Map<number, Pick<ReportDocument['study'], 'patientName' | 'accessionNumber'> | null>();
		const study = (id: number) => {
			if (!studies.has(id)) {
				try {
					studies.set(id, this.d.reports.document(id).study);
				} catch {
					studies.set(id, null);
				}
			}
			return studies.get(id) ?? null;
		};
		const items = this.d.store.recent(recentDelivered).map((r) => this.item(r, study(r.studyId)));
		return { ...this.d.store.summary(), items };
	}

	retry(itemId: number): OutboxList {
		if (!this.d.store.item(itemId)) throw new OutboxItemNotFoundError(itemId);
		this.d.store.retryNow(itemId, new Date().toISOString());
		this.kick();
		return this.list();
	}

	private item(r: OutboxRecord, study: Pick<ReportDocument['study'], 'patientName' | 'accessionNumber'> | null) {
		return {
			id: r.id,
			studyId: r.studyId,
			patientName: study?.patientName ?? `Study ${r.studyId}`,
			accessionNumber: study?.accessionNumber ?? null,
			revision: r.revision,
			kind: r.kind,
			destination: this.destination(r),
			state: r.state,
			attempts: r.attempts,
			lastError: r.lastError,
			nextTryAt: r.state === 'waiting' ? r.nextTryAt : null,
			queuedAt: r.queuedAt,
			deliveredAt: r.deliveredAt,
		} satisfies OutboxItem;
	}

	private destination(r: OutboxRecord): string {
		if (r.kind === 'pacs')
			return this.d.settings.pacs().connections.find((c) => c.id === r.destinationId)?.name ?? r.destinationId;
		const mllp = this.d.settings.hl7().mllp;
		return mllp ? `RIS (${mllp.host}:${mllp.port})` : 'RIS';
	}
}
