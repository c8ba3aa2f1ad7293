import { PacsError, PacsRefusedError, PacsUnreachableError } from '../pacs/index.js';
import { reportEncodings, type ReportDocument } from '../export/index.js';
import type { OutboxDependencies } from './OutboxDependencies.js';
import { DeliveryRefusedError, DestinationUnreachableError } from './OutboxErrors.js';
import type { OutboxRecord } from './OutboxStore.js';
import { readAck } from './readAck.js';

type Senders = Pick<OutboxDependencies, 'reports' | 'settings' | 'openPacs' | 'mllp'>;

/**
 * The report as it stood at this item's signature or addendum: later addenda go in their own items. The
 * time is the queueing time, so every retry builds the same SR and message.
 */
function documentFor(d: Senders, item: OutboxRecord): ReportDocument {
	const doc = d.reports.document(item.studyId);
	if (doc.reportId !== item.reportId || doc.status !== 'signed')
		throw new DeliveryRefusedError('The signed report this item was queued for is no longer the study’s report.');
	return { ...doc, addenda: doc.addenda.slice(0, item.revision), exportedAt: item.queuedAt };
}

async function toPacs(d: Senders, item: OutboxRecord): Promise<void> {
	const connection = d.settings.pacs().connections.find((c) => c.id === item.destinationId);
	if (!connection)
		throw new DeliveryRefusedError(`The PACS "${item.destinationId}" is no longer in the settings; add it back.`);
	if (!item.seriesUid || !item.instanceUid) throw new DeliveryRefusedError('The item has no SR UIDs.');
	const sr = await reportEncodings.sr(documentFor(d, item), {
		series: item.seriesUid,
		instance: item.instanceUid,
		...(item.predecessor ? { predecessor: item.predecessor } : {}),
	});
	const client = d.openPacs(connection);
	try {
		await client.store([sr]);
	} catch (e) {
		// A PACS that is down or overloaded (5xx) may take it later; any other refusal needs a person.
		if (e instanceof PacsUnreachableError || (e instanceof PacsRefusedError && e.status >= 500))
			throw new DestinationUnreachableError(e.message);
		if (e instanceof PacsError) throw new DeliveryRefusedError(e.message);
		throw e;
	} finally {
		await client.close().catch(() => undefined);
	}
}

async function toRis(d: Senders, item: OutboxRecord, stop?: AbortSignal): Promise<void> {
	const hl7 = d.settings.hl7();
	if (!hl7.mllp) throw new DeliveryRefusedError('No RIS address (HL7 over MLLP) is set in the settings.');
	const where = `${hl7.mllp.host}:${hl7.mllp.port}`;
	const message = await reportEncodings.hl7(documentFor(d, item), hl7, item.controlId ?? `R${item.id}`);
	const ack = readAck(await d.mllp.send(hl7.mllp, message, stop));
	if (!ack) throw new DeliveryRefusedError(`The RIS at ${where} answered without an acknowledgement (no MSA).`);
	const verdict = ack.code.toUpperCase();
	if (verdict === 'AA' || verdict === 'CA') return;
	const why = ack.text ? `: ${ack.text}` : '';
	throw new DeliveryRefusedError(`The RIS at ${where} refused the report (${verdict || 'no code'})${why}`);
}

/** Sends one item; throws DestinationUnreachableError to retry later, anything else needs attention. */
export function deliverReport(d: Senders, item: OutboxRecord, stop?: AbortSignal): Promise<void> {
	return item.kind === 'pacs' ? toPacs(d, item) : toRis(d, item, stop);
}
