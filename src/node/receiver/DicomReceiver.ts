import dimse from 'dcmjs-dimse';
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import type { ImportFileError } from '../../common/api/studiesContract.js';
import { supportedTransferSyntaxUids } from '../dicom/transferSyntaxes.js';
import type { ImportedFile, StudyImporter } from '../studies/index.js';
import { guardConnection } from './guardConnection.js';
import { part10File } from '../dicom/part10File.js';
import { commandPdu } from './commandPdu.js';

const { Server, Scp, Dataset, constants, responses, log } = dimse;
const { PresentationContextResult, RejectResult, RejectSource, RejectReason, SopClass, Status, StorageClass } =
	constants;
const { CEchoResponse, CStoreResponse } = responses;

export interface ReceiverOptions {
	readonly port: number;
	readonly aeTitle: string;
	/** Protection against broken or hostile peers; dcmtk-like defaults (see receiverLimits). */
	readonly limits?: Partial<ReceiverLimits>;
}

export interface ReceiverLimits {
	/** Largest PDU accepted, in bytes: the maximum we advertise. A larger one aborts the association. */
	readonly maxPduBytes: number;
	/** A peer that sends nothing for this long is aborted (storescp drops idle peers after 30 s). */
	readonly idleTimeoutMs: number;
	/** Associations open at once; one more is rejected as "local limit exceeded" (transient). */
	readonly maxAssociations: number;
}

export const defaultReceiverLimits: ReceiverLimits = {
	maxPduBytes: 262_144,
	idleTimeoutMs: 30_000,
	maxAssociations: 16,
};

export interface ReceivedInstance {
	readonly callingAeTitle: string;
	readonly studyId: number | null;
	readonly duplicate: boolean;
	readonly error: ImportFileError | null;
}

/** The port is taken or cannot be opened; the workstation runs on without a receiver. */
export class ReceiverListenError extends Error {
	override readonly name = 'ReceiverListenError';
}

const supported = new Set(supportedTransferSyntaxUids);
/** What the library sends: a command set, perhaps with a data set. */
type Dimse = { hasDataset(): boolean; getCommandDataset(): { getElements(): unknown } };
type SendPDataTf = (command: Dimse, presentationContextId: number, maxPduLength: number) => void;
const librarySend = (Scp.prototype as unknown as { _sendPDataTF: SendPDataTf })._sendPDataTF;
const storageClasses = new Set<string>(Object.values(StorageClass as Record<string, string>));

/**
 * A DICOM C-STORE SCP (and C-ECHO) on top of dcmjs-dimse. Each received instance goes through the
 * same importer as a folder, so the checks, the store and the "study arrived" hook are identical.
 */
export class DicomReceiver {
	private server: InstanceType<typeof Server> | null = null;

	constructor(
		private readonly importer: StudyImporter,
		private readonly onReceived: (r: ReceivedInstance) => void = () => undefined,
	) {
		log.setLevel('silent');
	}

	get listening(): boolean {
		return this.server !== null;
	}

	async start(options: ReceiverOptions): Promise<void> {
		const limits = { ...defaultReceiverLimits, ...options.limits };
		const server = new Server(scpClass(options.aeTitle, limits, this.importer, this.onReceived));
		await new Promise<void>((resolve, reject) => {
			let settled = false;
			server.on('listening', () => {
				settled = true;
				resolve();
			});
			server.on('networkError', (e: Error) => {
				if (!settled) {
					settled = true;
					reject(
						new ReceiverListenError(
							`The DICOM receiver cannot listen on port ${options.port}: ${e.message}`,
						),
					);
				}
			});
			server.listen(options.port);
		}).catch((err) => {
			server.close();
			throw err;
		});
		this.server = server;
	}

	async stop(): Promise<void> {
		const inner = (
			this.server as unknown as { server?: { listening: boolean; once(e: string, f: () => void): void } } | null
		)?.server;
		const closed = inner?.listening ? new Promise<void>((r) => inner.once('close', r)) : Promise.resolve();
		this.server?.close();
		this.server = null;
		await closed;
	}
}

/** Error Comment (0000,0902) is an LO: 64 characters at most, no backslash. */
function errorComment(text: string): string {
	const clean = text.replace(/[\\\r\n]/g, ' ');
	return clean.length > 64 ? `${clean.slice(0, 61)}...` : clean;
}

function scpClass(
	aeTitle: string,
	limits: ReceiverLimits,
	importer: StudyImporter,
	onReceived: (r: ReceivedInstance) => void,
): typeof Scp {
	let open = 0;
	return class ReceiverScp extends Scp {
		private callingAe = '';
		private received: { bytes: Buffer; transferSyntaxUid: string } | null = null;
		private readonly overLimit: boolean;
		private readonly peer: Socket;

		constructor(socket: Socket, opts?: ConstructorParameters<typeof Scp>[1]) {
			super(socket, opts);
			this.peer = socket;
			open++;
			this.overLimit = open > limits.maxAssociations;
			socket.once('close', () => open--);
			// Each C-STORE answer is a small write the sender waits for: Nagle's delay would hold it back.
			socket.setNoDelay(true);
			guardConnection(socket, limits);
		}

		override associationRequested(association: dimse.association.Association): void {
			this.callingAe = association.getCallingAeTitle();
			if (this.overLimit) {
				this.sendAssociationReject(
					RejectResult.Transient,
					RejectSource.ServiceProviderPresentation,
					RejectReason.LocalLimitExceeded,
				);
				return;
			}
			if (association.getCalledAeTitle().trim() !== aeTitle) {
				this.sendAssociationReject(
					RejectResult.Permanent,
					RejectSource.ServiceUser,
					RejectReason.CalledAeNotRecognized,
				);
				return;
			}
			for (const c of association.getPresentationContexts()) {
				const context = association.getPresentationContext(c.id);
				const abstract = context.getAbstractSyntaxUid();
				if (abstract !== SopClass.Verification && !storageClasses.has(abstract)) {
					context.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported);
					continue;
				}
				const offered = context.getTransferSyntaxUids();
				// The sender's first choice that we can decode: compressed data stays as it was sent.
				const pick = offered.find((ts) => supported.has(ts));
				if (pick) context.setResult(PresentationContextResult.Accept, pick);
				else context.setResult(PresentationContextResult.RejectTransferSyntaxesNotSupported);
			}
			this.sendAssociationAccept();
		}

		override cEchoRequest(
			request: dimse.requests.CEchoRequest,
			callback: (r: dimse.responses.CEchoResponse) => void,
		): void {
			const response = CEchoResponse.fromRequest(request);
			response.setStatus(Status.Success);
			callback(response);
		}

		// Keep the sender's bytes: the default path would parse and re-encode the data set.
		override createDatasetFromStoreWritableStream(
			writable: Writable,
			context: dimse.association.PresentationContext,
			callback: (d: dimse.Dataset) => void,
		): void {
			const bytes = (writable as unknown as { toBuffer(): Buffer }).toBuffer();
			const transferSyntaxUid = context.getAcceptedTransferSyntaxUid() ?? '1.2.840.10008.1.2';
			this.received = { bytes, transferSyntaxUid };
			// The library wants a Dataset object; an empty one avoids parsing the pixel data twice.
			callback(new Dataset({}, transferSyntaxUid));
		}

		override cStoreRequest(
			request: dimse.requests.CStoreRequest,
			callback: (r: dimse.responses.CStoreResponse) => void,
		): void {
			const response = CStoreResponse.fromRequest(request);
			const received = this.received;
			this.received = null;
			const sopInstanceUid = request.getAffectedSopInstanceUid() ?? '';
			const from = `C-STORE from ${this.callingAe}`;
			const answer = (r: ImportedFile) => {
				if (!r.duplicate) importer.announce([r.studyId]);
				response.setStatus(Status.Success);
				onReceived({ callingAeTitle: this.callingAe, studyId: r.studyId, duplicate: r.duplicate, error: null });
				callback(response);
			};
			const fail = (err: unknown) => {
				// Processing failure (0110H) with the reason: a refused image is not retried as if resources ran out.
				const e = err as { code?: string; message?: string };
				const code = e.code ?? 'failed';
				const message = e.message ?? String(err);
				response.setStatus(Status.ProcessingFailure);
				response.setErrorComment(errorComment(message));
				onReceived({
					callingAeTitle: this.callingAe,
					studyId: null,
					duplicate: false,
					error: { file: `${from}: ${sopInstanceUid}`, code, message },
				});
				callback(response);
			};
			try {
				if (!received) throw new Error('No data set arrived with the C-STORE request.');
				const file = part10File(received.bytes, {
					sopClassUid: request.getAffectedSopClassUid() ?? '',
					sopInstanceUid,
					transferSyntaxUid: received.transferSyntaxUid,
					sourceAeTitle: this.callingAe,
				});
				importer.importOne(file, { actor: from, file: sopInstanceUid }).then(answer, fail);
			} catch (err) {
				fail(err);
			}
		}

		/** Answers without a data set are encoded here (see commandPdu); anything else by the library. */
		_sendPDataTF(command: Dimse, presentationContextId: number, maxPduLength: number): void {
			const pdu = command.hasDataset()
				? null
				: commandPdu(
						command.getCommandDataset().getElements() as Record<string, unknown>,
						presentationContextId,
					);
			if (!pdu) return librarySend.call(this, command, presentationContextId, maxPduLength);
			this.peer.write(pdu);
			(this as unknown as { statistics?: { addBytesSent(n: number): void } }).statistics?.addBytesSent(
				pdu.length,
			);
		}

		override associationReleaseRequested(): void {
			this.sendAssociationReleaseResponse();
		}
	};
}
