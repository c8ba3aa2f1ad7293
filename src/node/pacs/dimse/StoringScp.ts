import dimse from 'dcmjs-dimse';
import type { Writable } from 'node:stream';
import { part10File } from '../../dicom/part10File.js';

const { Scp, Dataset, constants, responses } = dimse;

/** A C-STORE answered "Cannot understand" class: the image was refused (PS3.4 GG.4). */
const cannotProcess = 0xc000;

/** Where a C-STORE's image goes, as a Part 10 file; a rejection answers the C-STORE with a failure. */
export type StoreArrived = (file: Buffer) => Promise<void>;

/**
 * The library's SCP, keeping each arriving data set's bytes as they were sent (no parse of the pixel
 * data) and answering its C-STORE once `store` has the Part 10 file made of them. Used where images come
 * back to us: on a C-GET's own association, and on the listener a C-MOVE sends to.
 */
export class StoringScp extends Scp {
	private received: { bytes: Buffer; transferSyntaxUid: string } | null = null;

	override createDatasetFromStoreWritableStream(
		writable: Writable,
		context: dimse.association.PresentationContext,
		callback: (d: dimse.Dataset) => void,
	): void {
		const bytes = (writable as unknown as { toBuffer(): Buffer }).toBuffer();
		const transferSyntaxUid = context.getAcceptedTransferSyntaxUid() ?? '1.2.840.10008.1.2';
		this.received = { bytes, transferSyntaxUid };
		// The library wants a Dataset; an empty one spares parsing the pixel data.
		callback(new Dataset({}, transferSyntaxUid));
	}

	/**
	 * Stores the data set that came with `request` and answers: Success once stored; else Cannot Process,
	 * then `refused` hears why (after the answer, since it may end the association). `earlier`: a refusal
	 * that already stands, so this image is refused unseen.
	 */
	protected storeArrived(
		request: dimse.requests.CStoreRequest,
		callback: (r: dimse.responses.CStoreResponse) => void,
		o: { store: StoreArrived | undefined; refused: (error: Error) => void; earlier?: Error | null },
	): void {
		const response = responses.CStoreResponse.fromRequest(request);
		const received = this.received;
		this.received = null;
		const answer = (error: unknown) => {
			response.setStatus(error ? cannotProcess : constants.Status.Success);
			callback(response);
			if (error) o.refused(error instanceof Error ? error : new Error('The image was refused.'));
		};
		if (o.earlier) return answer(o.earlier);
		if (!o.store) return answer(new Error('An image arrived that nobody asked for.'));
		if (!received) return answer(new Error('No data set came with the C-STORE.'));
		const file = part10File([received.bytes], {
			sopClassUid: request.getAffectedSopClassUid() ?? '',
			sopInstanceUid: request.getAffectedSopInstanceUid() ?? '',
			transferSyntaxUid: received.transferSyntaxUid,
			sourceAeTitle: '',
		});
		o.store(file).then(() => answer(null), answer);
	}
}
