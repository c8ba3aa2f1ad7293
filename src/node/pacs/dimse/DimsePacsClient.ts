import dimse from 'dcmjs-dimse';
import type { DimsePacs } from '../../../common/api/pacsSettings.js';
import type { PacsStudy, PacsStudyQuery } from '../../../common/api/pacsStudy.js';
import type { InstanceArrived, PacsClient } from '../PacsClient.js';
import { PacsError, PacsRefusedError } from '../PacsErrors.js';
import { DimseAssociation, type ContextOffer, type StoreArrived } from './DimseAssociation.js';
import { MoveReceiver } from './MoveReceiver.js';
import { outgoingInstance } from './outgoingInstance.js';
import { pacsStudyFromFind } from './pacsStudyFromFind.js';
import { retrievedImageClasses, retrievedTransferSyntaxes } from './retrievedImageClasses.js';
import { RetrievalCount } from './RetrievalCount.js';

const { CEchoRequest, CFindRequest, CGetRequest, CMoveRequest } = dimse.requests;
const { SopClass, Status } = dimse.constants;
const commandSyntaxes = ['1.2.840.10008.1.2', '1.2.840.10008.1.2.1'];
const pending = new Set([0xff00, 0xff01]);
/** Series of these modalities hold no images (reports, presentation states, key-object notes). */
const notImages = new Set(['SR', 'PR', 'KO', 'DOC']);

type Answer = { getStatus(): number; hasDataset(): boolean; getDataset(): dimse.Dataset | undefined };

export interface DimseOptions {
	/** Where our AE title listens for C-MOVE (the port the PACS has configured for it). */
	readonly movePort?: number;
}

/** A PACS reached over DIMSE: C-ECHO, C-FIND at study level, C-GET to retrieve, C-STORE to store (PS3.4). */
export class DimsePacsClient implements PacsClient {
	constructor(
		private readonly pacs: DimsePacs,
		private readonly options: DimseOptions = {},
	) {}

	private open(offers: readonly ContextOffer[], onStore?: StoreArrived): Promise<DimseAssociation> {
		const { host, port, aeTitle, ourAeTitle } = this.pacs;
		return DimseAssociation.open(
			{ host, port, calledAeTitle: aeTitle, callingAeTitle: ourAeTitle },
			offers,
			onStore,
		);
	}

	private static final(answers: readonly Answer[], where: string, what: string): void {
		const status = answers.at(-1)?.getStatus() ?? 0xc000;
		if (status !== Status.Success) throw new PacsRefusedError(where, what, status);
	}

	async echo(): Promise<void> {
		const association = await this.open([
			{ abstractSyntaxUid: SopClass.Verification, transferSyntaxUids: commandSyntaxes },
		]);
		try {
			DimsePacsClient.final(await association.perform(new CEchoRequest()), association.where, 'C-ECHO');
		} finally {
			await association.release();
		}
	}

	/** Matched answers of one C-FIND; a failure status is a refusal. */
	private static async find(
		association: DimseAssociation,
		request: dimse.requests.CFindRequest,
		what: string,
	): Promise<Record<string, unknown>[]> {
		const answers = await association.perform<dimse.responses.CFindResponse>(request);
		DimsePacsClient.final(answers, association.where, what);
		return answers
			.filter((a) => pending.has(a.getStatus()) && a.hasDataset())
			.map((a) => a.getDataset()?.getElements() ?? {});
	}

	async findStudies(query: PacsStudyQuery): Promise<PacsStudy[]> {
		const association = await this.open([findOffer]);
		const found = new Map<string, PacsStudy>();
		try {
			// One search per modality, as the DICOMweb client does: list matching of CS values varies by server.
			for (const modality of query.modalities?.length ? query.modalities : ['']) {
				const request = CFindRequest.createStudyFindRequest(studyKeys(query, modality));
				for (const elements of await DimsePacsClient.find(association, request, 'the study search')) {
					const study = pacsStudyFromFind(elements);
					if (study.studyInstanceUid) found.set(study.studyInstanceUid, study);
				}
			}
		} finally {
			await association.release();
		}
		const sorted = [...found.values()].sort((a, b) =>
			`${b.studyDate}${b.studyTime}`.localeCompare(`${a.studyDate}${a.studyTime}`),
		);
		return query.limit ? sorted.slice(0, query.limit) : sorted;
	}

	/** C-GET, or C-MOVE to our own AE where the connection says so. */
	retrieveStudy(studyInstanceUid: string, arrived: InstanceArrived): Promise<number> {
		return this.pacs.retrieveWith === 'c-move'
			? this.retrieveByMove(studyInstanceUid, arrived)
			: this.retrieveByGet(studyInstanceUid, arrived);
	}

	/**
	 * C-GET series by series on one association: the images come back on it, so no port of ours must be
	 * reachable from the PACS. A series-level C-FIND first gives the count before the first image and leaves
	 * out series that hold no images (an earlier report's SR), which the importer could not take.
	 */
	private async retrieveByGet(studyInstanceUid: string, arrived: InstanceArrived): Promise<number> {
		const count = new RetrievalCount();
		const association = await this.open([findOffer, getOffer, ...storageOffers], async (file) => {
			await arrived(file, count.arrived(), count.total);
		});
		try {
			for (const uid of await DimsePacsClient.imageSeries(association, studyInstanceUid, count)) {
				const request = CGetRequest.createSeriesGetRequest(studyInstanceUid, uid);
				await DimsePacsClient.retrieveSeries(association, request, count, uid, studyInstanceUid);
			}
		} finally {
			await association.release();
		}
		return count.done;
	}

	/**
	 * C-MOVE to our AE title: the PACS opens its own association to the port it knows for that title (its
	 * configuration) and sends the images there, where a listener open for this retrieval only takes them.
	 */
	private async retrieveByMove(studyInstanceUid: string, arrived: InstanceArrived): Promise<number> {
		const port = this.options.movePort;
		if (!port) throw new PacsError(`${this.pacs.name} retrieves with C-MOVE, but no port to receive on is set.`);
		const count = new RetrievalCount();
		const receiver = await MoveReceiver.listen(port, this.pacs.ourAeTitle, async (file) => {
			await arrived(file, count.arrived(), count.total);
		});
		try {
			const association = await this.open([findOffer, moveOffer]);
			try {
				for (const uid of await DimsePacsClient.imageSeries(association, studyInstanceUid, count)) {
					const request = CMoveRequest.createSeriesMoveRequest(this.pacs.ourAeTitle, studyInstanceUid, uid);
					// A failed sub-operation we refused ourselves is told by our reason, not the PACS's status.
					await DimsePacsClient.retrieveSeries(association, request, count, uid, studyInstanceUid).catch(
						(error: Error) => Promise.reject(receiver.refused ?? error),
					);
					if (receiver.refused) throw receiver.refused;
				}
			} finally {
				await association.release();
			}
		} finally {
			receiver.close();
		}
		return count.done;
	}

	/** The study's series that hold images, their counts noted before the first image comes. */
	private static async imageSeries(
		association: DimseAssociation,
		studyInstanceUid: string,
		count: RetrievalCount,
	): Promise<string[]> {
		const series = await DimsePacsClient.find(
			association,
			CFindRequest.createSeriesFindRequest({ StudyInstanceUID: studyInstanceUid }),
			`the series list of study ${studyInstanceUid}`,
		);
		const images = series.map(seriesRow).filter((s) => s.uid && !notImages.has(s.modality));
		for (const s of images) count.expect(s.uid, s.count);
		return images.map((s) => s.uid);
	}

	/** One C-GET or C-MOVE; any failed sub-operation fails the retrieval: no study is shown incomplete. */
	private static async retrieveSeries(
		association: DimseAssociation,
		request: dimse.requests.CGetRequest | dimse.requests.CMoveRequest,
		count: RetrievalCount,
		uid: string,
		studyInstanceUid: string,
	): Promise<void> {
		const answers = await association.perform<dimse.responses.CGetResponse>(request, (r) =>
			count.report(uid, r.getRemaining() + r.getCompleted() + r.getFailures() + r.getWarnings()),
		);
		const last = answers.at(-1);
		const failures = last?.getFailures() ?? 0;
		if (failures > 0 || (last && last.getStatus() !== Status.Success)) {
			const what = `${failures || 'some'} images of series ${uid} (of study ${studyInstanceUid})`;
			throw new PacsRefusedError(association.where, what, last?.getStatus() ?? 0xc000);
		}
	}

	async store(files: readonly Uint8Array[]): Promise<void> {
		const outgoing = files.map(outgoingInstance);
		const offers = new Map<string, ContextOffer>();
		for (const o of outgoing) {
			offers.set(`${o.sopClassUid} ${o.transferSyntaxUid}`, {
				abstractSyntaxUid: o.sopClassUid,
				transferSyntaxUids: [o.transferSyntaxUid],
			});
		}
		const association = await this.open([...offers.values()]);
		try {
			for (const o of outgoing) {
				// Sent as written: the PACS must take it in this transfer syntax, or it is not sent at all.
				if (!association.accepts(o.sopClassUid, o.transferSyntaxUid)) {
					throw new PacsRefusedError(association.where, `objects of SOP class ${o.sopClassUid}`, 0x0122);
				}
				const answers = await association.perform(o.request);
				DimsePacsClient.final(answers, association.where, `instance ${o.sopInstanceUid}`);
			}
		} finally {
			await association.release();
		}
	}

	async close(): Promise<void> {}
}

const findOffer: ContextOffer = {
	abstractSyntaxUid: SopClass.StudyRootQueryRetrieveInformationModelFind,
	transferSyntaxUids: commandSyntaxes,
};
const moveOffer: ContextOffer = {
	abstractSyntaxUid: SopClass.StudyRootQueryRetrieveInformationModelMove,
	transferSyntaxUids: commandSyntaxes,
};
const getOffer: ContextOffer = {
	abstractSyntaxUid: SopClass.StudyRootQueryRetrieveInformationModelGet,
	transferSyntaxUids: commandSyntaxes,
};
/** One context per class and syntax, so the PACS can send each image as it stores it, without transcoding. */
const storageOffers: ContextOffer[] = retrievedImageClasses.flatMap((abstractSyntaxUid) =>
	retrievedTransferSyntaxes.map((ts) => ({ abstractSyntaxUid, transferSyntaxUids: [ts], weStore: true })),
);

/** A series-level C-FIND answer: its UID, modality and number of instances. */
function seriesRow(elements: Record<string, unknown>): { uid: string; modality: string; count: number } {
	const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
	return {
		uid: text(elements.SeriesInstanceUID),
		modality: text(elements.Modality),
		count: Number.parseInt(text(elements.NumberOfSeriesRelatedInstances), 10),
	};
}

/** The study-level keys: the query's matches, and empty return keys for every field of a worklist row. */
function studyKeys(query: PacsStudyQuery, modality: string): Record<string, unknown> {
	return {
		PatientID: query.patientId ?? '',
		PatientName: query.patientName ? `${query.patientName}*` : '',
		AccessionNumber: query.accessionNumber ?? '',
		StudyInstanceUID: query.studyInstanceUid ?? '',
		StudyDate: query.since || query.until ? `${query.since ?? ''}-${query.until ?? ''}` : '',
		ModalitiesInStudy: modality,
	};
}
