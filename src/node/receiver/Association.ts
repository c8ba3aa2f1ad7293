import type { Socket } from 'node:net';
import { supportedTransferSyntaxUids } from '../dicom/transferSyntaxes.js';
import { commandPdu } from './commandPdu.js';
import { MalformedPduError } from './MalformedPduError.js';
import { PduReader } from './PduReader.js';
import { PduWriter, type ContextResult } from './PduWriter.js';
import { readAssociateRequest, type AssociateRequest } from './readAssociateRequest.js';
import { readCommand, type DimseCommand } from './readCommand.js';
import { storageSopClasses } from './storageSopClasses.js';
import type { IncomingInstance, StoreStatus } from './IncomingInstance.js';

/** One C-STORE as its command announces it: the UIDs, the caller and the negotiated syntax. */
export interface StoreRequest {
	readonly callingAeTitle: string;
	readonly sopClassUid: string;
	readonly sopInstanceUid: string;
	readonly transferSyntaxUid: string;
}

/** What one association needs from the receiver: its title, the peer limits, and where instances go. */
export interface AssociationSetup {
	readonly aeTitle: string;
	readonly maxPduBytes: number;
	readonly idleTimeoutMs: number;
	/** This connection is one more than the receiver takes at once: it is rejected as transient. */
	readonly overLimit: boolean;
	/** Where a C-STORE's data set goes as it arrives; its `complete` gives the answer. */
	readonly incoming: (request: StoreRequest) => IncomingInstance;
	/** The association is over (released, aborted or dropped): a pause the receiver can use. */
	readonly ended: () => void;
}

const verification = '1.2.840.10008.1.1';
const implicitLittleEndian = '1.2.840.10008.1.2';
const supported = new Set(supportedTransferSyntaxUids);

/**
 * One DICOM association as acceptor (PS3.8): negotiation, P-DATA-TF reassembly, C-ECHO and C-STORE,
 * release and abort. Messages are answered in arrival order, each answer written as soon as it is known;
 * a C-STORE's data set goes to `incoming` fragment by fragment, and it is answered once that settles.
 */
export class Association {
	private state: 'requested' | 'established' | 'closed' = 'requested';
	private callingAeTitle = '';
	/** Accepted presentation context id → its transfer syntax. */
	private readonly accepted = new Map<number, string>();
	private commandParts: Buffer[] = [];
	private command: DimseCommand | null = null;
	/** The C-STORE data set arriving now, if any. */
	private dataset: IncomingInstance | null = null;
	private messageContext = 0;
	private work: Promise<void> = Promise.resolve();
	private readonly reader: PduReader;

	constructor(
		private readonly socket: Socket,
		private readonly setup: AssociationSetup,
	) {
		this.reader = new PduReader(setup.maxPduBytes, (type, body) => this.onPdu(type, body));
		// Each answer is a small write the sender waits for: Nagle's delay would hold it back.
		socket.setNoDelay(true);
		// storescp drops a peer silent for its timeout too; a half-sent PDU must not hold a slot for ever.
		socket.setTimeout(setup.idleTimeoutMs);
		socket.on('timeout', () => (this.state === 'closed' ? socket.destroy() : this.abort(0)));
		socket.on('error', () => undefined);
		socket.on('close', () => {
			this.state = 'closed';
			this.dataset?.abandon();
			this.dataset = null;
			setup.ended();
		});
	}

	/** Bytes read from the peer (see reusedReadBuffer); copied as needed, so the caller may reuse them. */
	receive(chunk: Buffer): void {
		if (this.state === 'closed') return;
		try {
			this.reader.push(chunk);
		} catch (err) {
			this.abort(err instanceof MalformedPduError ? err.reason : 0);
		}
	}

	private onPdu(type: number, body: Buffer): void {
		if (this.state === 'closed') return;
		if (type === 0x07) {
			this.state = 'closed';
			this.socket.destroy();
		} else if (this.state === 'requested') {
			if (type !== 0x01) throw new MalformedPduError(`PDU type ${type} before an association.`, 2);
			this.negotiate(readAssociateRequest(body));
		} else if (type === 0x04) this.onData(body);
		else if (type === 0x05) this.then(() => this.send(PduWriter.releaseResponse(), true));
		else throw new MalformedPduError(`Unexpected PDU type ${type}.`, type <= 0x07 ? 2 : 1);
	}

	private negotiate(request: AssociateRequest): void {
		this.callingAeTitle = request.callingAeTitle;
		if (this.setup.overLimit) return this.send(PduWriter.associateReject(2, 3, 2), true);
		if (request.calledAeTitle !== this.setup.aeTitle) return this.send(PduWriter.associateReject(1, 1, 7), true);
		const results = request.contexts.map((c): ContextResult => {
			if (c.abstractSyntax !== verification && !storageSopClasses.has(c.abstractSyntax))
				return { id: c.id, result: 3, transferSyntax: implicitLittleEndian };
			// The sender's first choice that we can decode: compressed data stays as it was sent.
			const pick = c.transferSyntaxes.find((ts) => supported.has(ts));
			if (!pick) return { id: c.id, result: 4, transferSyntax: implicitLittleEndian };
			this.accepted.set(c.id, pick);
			return { id: c.id, result: 0, transferSyntax: pick };
		});
		this.state = 'established';
		this.send(PduWriter.associateAccept(request, results, this.setup.maxPduBytes));
	}

	/** Collects the PDVs of a P-DATA-TF (PS3.8 9.3.5) into command and data set; a whole message is handled. */
	private onData(body: Buffer): void {
		let at = 0;
		while (at < body.length) {
			if (at + 6 > body.length) throw new MalformedPduError('A PDV item is cut short.');
			const end = at + 4 + body.readUInt32BE(at);
			const contextId = body.readUInt8(at + 4);
			const control = body.readUInt8(at + 5);
			if (end > body.length || end < at + 6) throw new MalformedPduError('A PDV item runs past its PDU.');
			if (!this.accepted.has(contextId)) throw new MalformedPduError(`PDV on context ${contextId}.`, 6);
			const fragment = body.subarray(at + 6, end);
			at = end;
			const isCommand = (control & 1) === 1;
			const last = (control & 2) === 2;
			if (isCommand === (this.command !== null)) throw new MalformedPduError('A PDV out of order.', 2);
			if (isCommand) {
				// Copied: the reader reuses its buffer for the next PDU.
				this.commandParts.push(Buffer.from(fragment));
				if (!last) continue;
				this.messageContext = contextId;
				this.command = readCommand(Buffer.concat(this.commandParts));
				this.commandParts = [];
				if (!this.command.hasDataset) this.dispatch(this.command, null);
				else if (this.command.commandField === 0x0001) this.dataset = this.setup.incoming(this.storeRequest());
			} else {
				this.dataset?.add(fragment);
				if (last) this.dispatch(this.command!, this.dataset);
			}
		}
	}

	private storeRequest(): StoreRequest {
		return {
			callingAeTitle: this.callingAeTitle,
			sopClassUid: this.command!.sopClassUid,
			sopInstanceUid: this.command!.sopInstanceUid,
			transferSyntaxUid: this.accepted.get(this.messageContext)!,
		};
	}

	private dispatch(command: DimseCommand, dataset: IncomingInstance | null): void {
		this.command = null;
		this.dataset = null;
		const contextId = this.messageContext;
		// Completed now, in arrival order; answered after every earlier message's answer.
		const stored = dataset?.complete();
		this.then(() => this.answer(command, stored, contextId));
	}

	private async answer(command: DimseCommand, stored: Promise<StoreStatus> | undefined, contextId: number) {
		const reply = (status: number, errorComment?: string) =>
			this.send(
				commandPdu(
					{
						AffectedSOPClassUID: command.sopClassUid,
						CommandField: command.commandField | 0x8000,
						MessageIDBeingRespondedTo: command.messageId,
						CommandDataSetType: 0x0101,
						Status: status,
						ErrorComment: errorComment,
						AffectedSOPInstanceUID: command.sopInstanceUid || undefined,
					},
					contextId,
				)!,
			);
		if (command.commandField === 0x0030) return reply(0);
		// Anything but C-STORE and C-ECHO: "unrecognized operation" (PS3.7 C.4.2), the association goes on.
		if (command.commandField !== 0x0001) return reply(0x0211);
		if (!stored) return reply(0x0110, 'No data set arrived with the C-STORE request.');
		const { status, errorComment } = await stored;
		reply(status, errorComment);
	}

	/** Runs after every message before it, so answers leave in the order their requests came. */
	private then(task: () => unknown): void {
		this.work = this.work
			.then(async () => {
				await task();
			})
			.catch(() => this.abort(0));
	}

	private send(pdu: Buffer, thenClose = false): void {
		if (this.state === 'closed' || !this.socket.writable) return;
		if (!thenClose) return void this.socket.write(pdu);
		this.state = 'closed';
		this.socket.end(pdu);
	}

	/** A-ABORT (source: service provider) and close; the peer gets a second to read it. */
	private abort(reason: number): void {
		if (this.state === 'closed' || this.socket.destroyed) return;
		this.state = 'closed';
		this.socket.end(PduWriter.abort(reason));
		this.socket.destroySoon();
		setTimeout(() => this.socket.destroy(), 1000).unref();
	}
}
