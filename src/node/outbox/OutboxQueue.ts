import type { SignedReportListener } from '../reporting/index.js';
import { newDicomUid } from '../export/index.js';
import type { OutboxDependencies } from './OutboxDependencies.js';

type QueueParts = Pick<OutboxDependencies, 'store' | 'settings' | 'origins' | 'transaction'>;

/**
 * Puts each signed report and addendum in the outbox, one item per destination, inside the signature's
 * transaction: the PACS the study came from, else the default PACS; and the RIS where one is set.
 */
export class OutboxQueue implements SignedReportListener {
	constructor(
		private readonly d: QueueParts,
		/** Told after queueing, to start delivering once the signature is committed. */
		private readonly queued: () => void,
	) {}

	reportSigned(signed: { studyId: number; reportId: number; revision: number }): void {
		const { studyId, reportId, revision } = signed;
		const now = new Date().toISOString();
		const common = { studyId, reportId, revision, nextTryAt: now, queuedAt: now, predecessor: null };
		const pacs = this.pacsFor(studyId);
		const ris = this.d.settings.hl7().mllp;
		this.d.transaction(() => {
			if (pacs) {
				const earlier = this.d.store.earlierSr(reportId, revision, pacs);
				this.d.store.add({
					...common,
					kind: 'pacs',
					destinationId: pacs,
					seriesUid: newDicomUid(),
					instanceUid: newDicomUid(),
					controlId: null,
					predecessor:
						earlier?.seriesUid && earlier.instanceUid
							? { series: earlier.seriesUid, instance: earlier.instanceUid }
							: null,
				});
			}
			if (ris)
				this.d.store.add({
					...common,
					kind: 'ris',
					destinationId: 'mllp',
					seriesUid: null,
					instanceUid: null,
					// MSH-10 holds 20 characters: report, revision and the time in base 36 fit.
					controlId: `R${reportId}.${revision}.${Date.now().toString(36)}`.slice(0, 20),
				});
		});
		if (pacs || ris) this.queued();
	}

	/** The study's own PACS where it is still configured, else the default one; null for none. */
	private pacsFor(studyId: number): string | null {
		const settings = this.d.settings.pacs();
		const known = (id: string | null) => (id && settings.connections.some((c) => c.id === id) ? id : null);
		return known(this.d.origins.of(studyId)) ?? known(settings.defaultId);
	}
}
