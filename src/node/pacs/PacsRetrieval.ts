import type { PacsConnection } from '../../common/api/pacsSettings.js';
import type { EventSink } from '../events/EventSink.js';
import { parseDicomBytes } from '../dicom/parseDicomBytes.js';
import { text } from '../dicom/DicomHeader.js';
import type { PacsClient } from './PacsClient.js';
import type { PacsOrigins } from './PacsOrigins.js';
import type { RetrievedImages } from './RetrievedImages.js';
import { PacsError } from './PacsErrors.js';

export interface RetrievedStudy {
	readonly studyId: number;
	readonly instances: number;
	readonly bytes: number;
}

/** The PACS sent an instance of another study than the one asked for; it is never imported. */
export class WrongStudyRetrievedError extends PacsError {
	override readonly name = 'WrongStudyRetrievedError';
	constructor(asked: string, got: string) {
		super(`The PACS answered study ${asked} with an image of study ${got || '(none)'}; nothing from it was kept.`);
	}
}

export interface PacsRetrievalDependencies {
	readonly images: RetrievedImages;
	readonly origins: PacsOrigins;
	readonly events?: EventSink;
	readonly clientFor: (connection: PacsConnection) => PacsClient;
}

/** Brings one study from a PACS into the worklist, with progress, and remembers where it came from. */
export class PacsRetrieval {
	constructor(private readonly d: PacsRetrievalDependencies) {}

	async retrieve(connection: PacsConnection, studyInstanceUid: string, jobId: string): Promise<RetrievedStudy> {
		const client = this.d.clientFor(connection);
		const label = (done: number, total: number): string =>
			`Retrieving from ${connection.name}: ${done} of ${total} image${total === 1 ? '' : 's'}`;
		this.progress(jobId, `Retrieving from ${connection.name}`, null, false);
		const studyIds = new Set<number>();
		let bytes = 0;
		try {
			const count = await client.retrieveStudy(studyInstanceUid, async (file, done, total) => {
				const uid = text(parseDicomBytes(file, { untilTag: 'x00200010' }), 'x0020000d') ?? '';
				if (uid !== studyInstanceUid) throw new WrongStudyRetrievedError(studyInstanceUid, uid);
				const imported = await this.d.images.importOne(file, { actor: `pacs:${connection.id}`, file: uid });
				studyIds.add(imported.studyId);
				bytes += file.byteLength;
				this.progress(jobId, label(done, total), done / total, false);
			});
			const [studyId] = [...studyIds];
			if (count === 0 || studyId === undefined) {
				throw new PacsError(`${connection.name} holds no images of study ${studyInstanceUid}.`);
			}
			this.d.origins.remember(studyId, connection.id);
			this.d.images.announce([studyId]);
			this.progress(jobId, label(count, count), 1, true, null, studyId);
			return { studyId, instances: count, bytes };
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.progress(jobId, `Retrieving from ${connection.name} failed`, null, true, message);
			throw error;
		} finally {
			await client.close();
		}
	}

	private progress(
		jobId: string,
		label: string,
		fraction: number | null,
		done: boolean,
		error: string | null = null,
		studyId: number | null = null,
	): void {
		this.d.events?.emit({ type: 'progress', jobId, task: 'retrieve', label, fraction, done, error, studyId });
	}
}
