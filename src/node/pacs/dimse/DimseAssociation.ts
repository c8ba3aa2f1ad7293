import dimse from 'dcmjs-dimse';
import net from 'node:net';
import { PacsUnreachableError } from '../PacsErrors.js';
import { StoringScp, type StoreArrived } from './StoringScp.js';

const { constants, responses, log } = dimse;
type Scp = dimse.Scp;
const { Association } = dimse.association;
const { CStoreResponse } = responses;

export interface DimsePeer {
	readonly host: string;
	readonly port: number;
	readonly calledAeTitle: string;
	readonly callingAeTitle: string;
}

/** One presentation context we propose; `weStore` asks for the SCP role (C-GET brings images back on it). */
export interface ContextOffer {
	readonly abstractSyntaxUid: string;
	readonly transferSyntaxUids: readonly string[];
	readonly weStore?: boolean;
}

/** A C-STORE that arrived on the association (C-GET), as a Part 10 file; a rejection aborts the association. */
export type { StoreArrived };

type Response = dimse.responses.CFindResponse | dimse.responses.CGetResponse | dimse.responses.CStoreResponse;
type Request = dimse.requests.Request;

const timeoutMs = 60_000;

/**
 * The SCU side of one DICOM association, built on the library's SCP class because that class lets a
 * subclass keep an incoming data set's bytes as they were sent (the Client class re-parses them).
 */
export class DimseAssociation {
	private storeError: Error | null = null;
	private failure: ((error: Error) => void) | null = null;

	private constructor(
		private readonly link: Scp,
		private readonly socket: net.Socket,
		private readonly association: dimse.association.Association,
		readonly where: string,
	) {}

	/** Connects and negotiates; a refused connection or a rejected association is PacsUnreachableError. */
	static open(peer: DimsePeer, offers: readonly ContextOffer[], onStore?: StoreArrived): Promise<DimseAssociation> {
		log.setLevel('silent');
		const where = `${peer.calledAeTitle}@${peer.host}:${peer.port}`;
		const association = new Association(peer.callingAeTitle, peer.calledAeTitle);
		for (const offer of offers) {
			const id = association.addPresentationContext(offer.abstractSyntaxUid);
			for (const ts of offer.transferSyntaxUids) association.addTransferSyntaxToPresentationContext(id, ts);
			// SCP role only (SCU role 0), as dcmtk's getscu proposes it.
			if (offer.weStore) association.getPresentationContext(id).setProviderRole(true);
		}
		const socket = net.connect({ host: peer.host, port: peer.port });
		// Each C-STORE answer and request is a small write the peer waits for: Nagle's delay would hold it back.
		socket.setNoDelay(true);
		let errorCode = '';
		socket.once('error', (error: NodeJS.ErrnoException) => (errorCode = error.code ?? error.message));
		const link: Scp = new (linkClass(() => opened, onStore))(socket, {
			connectTimeout: timeoutMs,
			associationTimeout: timeoutMs,
			pduTimeout: timeoutMs,
		});
		const opened: DimseAssociation = new DimseAssociation(link, socket, association, where);
		return new Promise<DimseAssociation>((resolve, reject) => {
			let settled = false;
			const fail = (cause: string) => {
				if (settled) return;
				settled = true;
				socket.destroy();
				reject(new PacsUnreachableError(where, cause));
			};
			link.on('connect', () => link.sendAssociationRequest(association));
			link.on('associationAccepted', () => {
				settled = true;
				resolve(opened);
			});
			link.on('associationRejected', (r: { result: number; source: number; reason: number }) =>
				fail(`association rejected, reason ${r.reason}; check the AE titles`),
			);
			link.on('networkError', (e: Error) => {
				if (!settled) fail(errorCode || e.message);
				else opened.fail(new PacsUnreachableError(where, errorCode || e.message));
			});
			link.on('close', () => {
				if (!settled) fail(errorCode || 'connection closed');
				// Orthanc and dcmtk-based PACS abort a query from an AE title they do not know: say what to check.
				else {
					const why =
						'it closed the association without answering; a PACS that serves only AE titles it knows ' +
						`needs ${peer.callingAeTitle} registered`;
					opened.fail(new PacsUnreachableError(where, why));
				}
			});
		});
	}

	/** Whether the peer accepted this abstract syntax (in this transfer syntax, when given). */
	accepts(abstractSyntaxUid: string, transferSyntaxUid?: string): boolean {
		return this.association.getPresentationContexts().some(({ id }) => {
			const c = this.association.getPresentationContext(id);
			return (
				c.getAbstractSyntaxUid() === abstractSyntaxUid &&
				c.getResult() === constants.PresentationContextResult.Accept &&
				(!transferSyntaxUid || c.getAcceptedTransferSyntaxUid() === transferSyntaxUid)
			);
		});
	}

	/** Sends one request and gathers its responses until the final one; `each` sees them as they come. */
	perform<R extends Response>(request: Request, each: (r: R) => void = () => undefined): Promise<R[]> {
		return new Promise<R[]>((resolve, reject) => {
			const answers: R[] = [];
			this.failure = reject;
			request.on('response', (r: R) => {
				answers.push(r);
				each(r);
			});
			request.on('done', () => {
				this.failure = null;
				if (this.storeError) reject(this.storeError);
				else resolve(answers);
			});
			this.link.sendRequests(request);
		});
	}

	/** An image we could not take in: stop the whole retrieval, keeping that reason. */
	storeFailed(error: Error): void {
		this.storeError ??= error;
		this.fail(error);
		this.link.sendAbort();
		this.socket.destroy();
	}

	private fail(error: Error): void {
		const f = this.failure;
		this.failure = null;
		f?.(this.storeError ?? error);
	}

	/** Releases the association politely, or closes the connection when the peer does not answer. */
	async release(): Promise<void> {
		if (this.socket.destroyed) return;
		const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
		this.link.on('associationReleaseResponse', () => this.socket.end());
		this.link.sendAssociationReleaseRequest();
		const timer = setTimeout(() => this.socket.destroy(), 5_000);
		await closed;
		clearTimeout(timer);
	}
}

/** The library's protocol engine, answering the C-STOREs a C-GET brings with the bytes as sent. */
function linkClass(owner: () => DimseAssociation, onStore?: StoreArrived): typeof StoringScp {
	return class DimseLink extends StoringScp {
		private readonly peer: net.Socket;

		constructor(socket: net.Socket, opts?: ConstructorParameters<typeof StoringScp>[1]) {
			super(socket, opts);
			this.peer = socket;
		}

		override cStoreRequest(
			request: dimse.requests.CStoreRequest,
			callback: (r: dimse.responses.CStoreResponse) => void,
		): void {
			this.storeArrived(request, callback, { store: onStore, refused: (e) => owner().storeFailed(e) });
		}

		override associationReleaseRequested(): void {
			this.sendAssociationReleaseResponse();
		}

		override abort(): void {
			this.peer.destroy();
		}
	};
}
