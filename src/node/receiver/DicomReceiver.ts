import net from 'node:net';
import type { ImportFileError } from '../../common/api/studiesContract.js';
import type { ImportedFile, StudyImporter } from '../studies/index.js';
import { Association, type StoreRequest } from './Association.js';
import { part10File } from '../dicom/part10File.js';

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

/** C-STORE statuses (PS3.4 GG.4): success, and processing failure with the reason in the comment. */
const success = 0x0000;
const processingFailure = 0x0110;

/**
 * A DICOM C-STORE SCP (and C-ECHO). Each received instance goes through the same importer as a folder,
 * so the checks, the store and the "study arrived" hook are identical. The upper layer is our own
 * (Association): the sender waits for each answer, so the time spent per message is what it sees.
 */
export class DicomReceiver {
	private server: net.Server | null = null;
	private readonly peers = new Set<net.Socket>();

	constructor(
		private readonly importer: StudyImporter,
		private readonly onReceived: (r: ReceivedInstance) => void = () => undefined,
	) {}

	get listening(): boolean {
		return this.server !== null;
	}

	async start(options: ReceiverOptions): Promise<void> {
		const limits = { ...defaultReceiverLimits, ...options.limits };
		const server = net.createServer((socket) => {
			this.peers.add(socket);
			socket.once('close', () => this.peers.delete(socket));
			new Association(socket, {
				aeTitle: options.aeTitle,
				maxPduBytes: limits.maxPduBytes,
				idleTimeoutMs: limits.idleTimeoutMs,
				overLimit: this.peers.size > limits.maxAssociations,
				store: (r) => this.store(r),
			});
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', (e: Error) =>
				reject(
					new ReceiverListenError(`The DICOM receiver cannot listen on port ${options.port}: ${e.message}`),
				),
			);
			server.listen(options.port, () => {
				// Later server errors (a failed accept) must not end the workstation; each peer has its own.
				server.on('error', () => undefined);
				resolve();
			});
		});
		this.server = server;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = null;
		if (!server) return;
		const closed = new Promise<void>((r) => server.close(() => r()));
		for (const peer of this.peers) peer.destroy();
		await closed;
	}

	private async store(r: StoreRequest): Promise<{ status: number; errorComment?: string }> {
		const from = `C-STORE from ${r.callingAeTitle}`;
		let imported: ImportedFile;
		try {
			if (!r.dataset) throw new Error('No data set arrived with the C-STORE request.');
			const file = part10File(r.dataset, {
				sopClassUid: r.sopClassUid,
				sopInstanceUid: r.sopInstanceUid,
				transferSyntaxUid: r.transferSyntaxUid,
				sourceAeTitle: r.callingAeTitle,
			});
			imported = await this.importer.importOne(file, { actor: from, file: r.sopInstanceUid });
		} catch (err) {
			// Processing failure with the reason: a refused image is not retried as if resources ran out.
			const e = err as { code?: string; message?: string };
			const message = e.message ?? String(err);
			this.onReceived({
				callingAeTitle: r.callingAeTitle,
				studyId: null,
				duplicate: false,
				error: { file: `${from}: ${r.sopInstanceUid}`, code: e.code ?? 'failed', message },
			});
			return { status: processingFailure, errorComment: errorComment(message) };
		}
		if (!imported.duplicate) this.importer.announce([imported.studyId]);
		this.onReceived({
			callingAeTitle: r.callingAeTitle,
			studyId: imported.studyId,
			duplicate: imported.duplicate,
			error: null,
		});
		return { status: success };
	}
}

/** Error Comment (0000,0902) is an LO: 64 characters at most, no backslash. */
function errorComment(text: string): string {
	const clean = text.replace(/[\\\r\n]/g, ' ');
	return clean.length > 64 ? `${clean.slice(0, 61)}...` : clean;
}
