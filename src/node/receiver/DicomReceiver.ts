import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { ImportFileError } from '../../common/api/studiesContract.js';
import type { AdmittedImage, ImportOrigin, StudyImporter } from '../studies/index.js';
import { Association, type StoreRequest } from './Association.js';
import { part10Header } from '../dicom/part10File.js';
import type { IncomingInstance, StoreStatus } from './IncomingInstance.js';
import { ReceivedSpool } from './ReceivedSpool.js';
import { reusedReadBuffer } from './reusedReadBuffer.js';
import type { SpoolFile } from './SpoolFile.js';

/** What the receiver needs of the importer: a check before answering, the batch store after it. */
export type ReceivedImageStore = Pick<StudyImporter, 'admit' | 'storeReceived'>;

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
 * (Association): the sender waits for each answer, so the time spent per message is what it sees. The
 * answer goes out once the file is whole in the spool and has passed the importer's checks (admit); its
 * rows are written in batches when the line is quiet (ReceivedSpool).
 */
export class DicomReceiver {
	private server: net.Server | null = null;
	private readonly peers = new Set<net.Socket>();
	private readonly spool: ReceivedSpool;

	/** @param spoolFolder where received files wait to be stored (`<dataDir>/incoming`). */
	constructor(
		private readonly importer: ReceivedImageStore,
		spoolFolder: string,
		private readonly onReceived: (r: ReceivedInstance) => void = () => undefined,
		private readonly log: (line: string) => void = (l) => console.error(l),
	) {
		this.spool = new ReceivedSpool(spoolFolder, (batch) => this.store(batch));
	}

	/** Stores what a crash left in the spool (answered, not yet stored); the number of files. */
	async recover(): Promise<number> {
		const files = this.spool.leftovers();
		for (const file of files) {
			const origin = { actor: 'C-STORE (stored after a restart)', file: path.basename(file) };
			try {
				this.spool.add({ ...(await this.importer.admit(await fs.readFile(file), origin)), file });
			} catch (err) {
				this.failed('a restart', origin, err);
				// Refused (audited): the file goes. A failure to read or store keeps it for the next start.
				if (isRefusal(err)) await fs.rm(file, { force: true });
			}
		}
		await this.spool.flush();
		return files.length;
	}

	/** Settles once every answered image is in the database. */
	stored(): Promise<void> {
		return this.spool.flush();
	}

	get listening(): boolean {
		return this.server !== null;
	}

	async start(options: ReceiverOptions): Promise<void> {
		const limits = { ...defaultReceiverLimits, ...options.limits };
		// Paused: the connection changes hands before anything is read (reusedReadBuffer).
		const server = net.createServer({ pauseOnConnect: true }, (accepted) => {
			let association: Association | null = null;
			const socket = reusedReadBuffer(accepted, (chunk) => association?.receive(chunk));
			this.peers.add(socket);
			socket.once('close', () => this.peers.delete(socket));
			association = new Association(socket, {
				aeTitle: options.aeTitle,
				maxPduBytes: limits.maxPduBytes,
				idleTimeoutMs: limits.idleTimeoutMs,
				overLimit: this.peers.size > limits.maxAssociations,
				incoming: (r) => this.incoming(r),
				// A sender done with its association: its images go to the database now.
				ended: () => void this.spool.flush(),
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
		if (server) {
			const closed = new Promise<void>((r) => server.close(() => r()));
			for (const peer of this.peers) peer.destroy();
			await closed;
		}
		this.spool.close();
		await this.spool.flush();
	}

	/** The receiver's part of a C-STORE: the file written as it arrives, checked, kept, then answered. */
	private incoming(r: StoreRequest): IncomingInstance {
		let file: SpoolFile;
		try {
			file = this.spool.open(part10Header({ ...r, sourceAeTitle: r.callingAeTitle }));
		} catch (err) {
			// No file for it (a full disk, a folder not writable): the data set is read and refused.
			const status = { status: processingFailure, errorComment: errorComment(messageOf(err)) };
			return { add: () => undefined, abandon: () => undefined, complete: () => Promise.resolve(status) };
		}
		return {
			add: (fragment) => file.add(fragment),
			abandon: () => file.abandon(),
			complete: () => this.complete(r, file),
		};
	}

	private async complete(r: StoreRequest, file: SpoolFile): Promise<StoreStatus> {
		const origin = { actor: `C-STORE from ${r.callingAeTitle}`, file: r.sopInstanceUid };
		try {
			const admitted = await this.importer.admit(file.bytes(), origin);
			this.spool.add({ ...admitted, file: this.spool.keep(file) });
			return { status: success };
		} catch (err) {
			file.abandon();
			this.failed(r.callingAeTitle, origin, err);
			// Processing failure with the reason: a refused image is not retried as if resources ran out.
			return { status: processingFailure, errorComment: errorComment(messageOf(err)) };
		}
	}

	/** Stores a batch from the spool; a refusal found only now is reported as any other. */
	private async store(batch: readonly AdmittedImage[]): Promise<void> {
		const results = await this.importer.storeReceived(batch).catch((err: unknown) => {
			this.log(`DICOM receiver: ${batch.length} received images wait in ${this.spool.folder}: ${messageOf(err)}`);
			throw err;
		});
		results.forEach((result, i) => {
			const { origin } = batch[i]!;
			const callingAeTitle = origin.actor.replace(/^C-STORE from /, '');
			if (result instanceof Error) return this.failed(callingAeTitle, origin, result);
			this.onReceived({ callingAeTitle, studyId: result.studyId, duplicate: result.duplicate, error: null });
		});
	}

	private failed(callingAeTitle: string, origin: ImportOrigin, err: unknown): void {
		const e = err as { code?: string };
		this.onReceived({
			callingAeTitle,
			studyId: null,
			duplicate: false,
			error: { file: `${origin.actor}: ${origin.file}`, code: e.code ?? 'failed', message: messageOf(err) },
		});
	}
}

/** The importer's refusals carry a snake_case code ("identity_conflict"); system errors an errno ("EIO"). */
function isRefusal(err: unknown): boolean {
	const code = (err as { code?: unknown })?.code;
	return typeof code === 'string' && /^[a-z_]+$/.test(code);
}

function messageOf(err: unknown): string {
	return (err as { message?: string })?.message ?? String(err);
}

/** Error Comment (0000,0902) is an LO: 64 characters at most, no backslash. */
function errorComment(text: string): string {
	const clean = text.replace(/[\\\r\n]/g, ' ');
	return clean.length > 64 ? `${clean.slice(0, 61)}...` : clean;
}
