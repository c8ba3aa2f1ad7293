import { randomUUID } from 'node:crypto';
import type { PacsRetrieved, PacsSearchHit, PacsTestResult } from '../../common/api/pacsContract.js';
import type { PacsConnection } from '../../common/api/pacsSettings.js';
import type { PacsStudyQuery } from '../../common/api/pacsStudy.js';
import { PacsError } from './PacsErrors.js';
import { PacsNotConfiguredError } from './PacsNotConfiguredError.js';
import type { PacsServiceDependencies } from './PacsServiceDependencies.js';

/**
 * What the reader does with a PACS: test a connection, search it (each hit marked local or on the PACS),
 * and retrieve a study into the worklist. Two asks for the same study (the reader and the auto-fetch)
 * share one retrieval.
 */
export class PacsService {
	private readonly inFlight = new Map<string, Promise<PacsRetrieved>>();

	constructor(private readonly d: PacsServiceDependencies) {}

	/** The PACS by id, or the default one; throws PacsNotConfiguredError. */
	connection(pacsId?: string | null): PacsConnection {
		const s = this.d.settings.pacsSettings();
		const id = pacsId ?? s.defaultId ?? (s.connections.length === 1 ? s.connections[0]!.id : null);
		const found = s.connections.find((c) => c.id === id);
		if (!found) throw new PacsNotConfiguredError(pacsId ?? undefined);
		return found;
	}

	async test(connection: PacsConnection): Promise<PacsTestResult> {
		try {
			const client = this.d.clientFor(connection);
			try {
				await client.echo();
			} finally {
				await client.close();
			}
			return { ok: true, message: `Connected to ${connection.name}.` };
		} catch (error) {
			return { ok: false, message: inWords(error, connection) };
		}
	}

	async search(pacsId: string | undefined, query: PacsStudyQuery): Promise<PacsSearchHit[]> {
		const connection = this.connection(pacsId);
		const client = this.d.clientFor(connection);
		let found;
		try {
			found = await client.findStudies(query);
		} finally {
			await client.close();
		}
		const local = new Map(
			this.d.local.byStudyUid(found.map((s) => s.studyInstanceUid)).map((l) => [l.studyInstanceUid, l]),
		);
		return found.map((study) => {
			const here = local.get(study.studyInstanceUid);
			// The same UID under another patient ID is a conflict, never "the same study": it is not opened.
			const same = here && here.patientId === study.patientId;
			const problem =
				here && !same
					? `A local study of another patient (ID ${here.patientId || 'none'}) has this study's UID; ` +
						'it is not retrieved.'
					: null;
			return { ...study, pacsId: connection.id, localStudyId: same ? here.studyId : null, problem };
		});
	}

	/** Retrieves a study; answers when it is complete (its progress goes out as `retrieve` events). */
	retrieve(pacsId: string | undefined, studyInstanceUid: string, jobId?: string): Promise<PacsRetrieved> {
		const connection = this.connection(pacsId);
		const key = `${connection.id}\n${studyInstanceUid}`;
		const running = this.inFlight.get(key);
		if (running) return running;
		const job = jobId ?? `retrieve:${randomUUID()}`;
		const work = this.d.retrieval
			.retrieve(connection, studyInstanceUid, job)
			.then((r) => {
				this.d.drafts.draftSoon(r.studyId);
				return { jobId: job, studyId: r.studyId, instances: r.instances };
			})
			.finally(() => this.inFlight.delete(key));
		this.inFlight.set(key, work);
		return work;
	}
}

/** A failed test in words: the PACS errors say it already; a missing CA file is named. */
function inWords(error: unknown, connection: PacsConnection): string {
	if (error instanceof PacsError) return error.message;
	const code = (error as NodeJS.ErrnoException).code;
	if (connection.kind === 'dicomweb' && connection.caFile && code)
		return `The CA file ${connection.caFile} cannot be read (${code}).`;
	return error instanceof Error ? error.message : String(error);
}
