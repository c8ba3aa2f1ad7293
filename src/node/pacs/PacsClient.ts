import type { PacsStudy, PacsStudyQuery } from '../../common/api/pacsStudy.js';

/** Called for each retrieved instance, in order; the count is known before the first one. */
export type InstanceArrived = (bytes: Uint8Array, done: number, total: number) => Promise<void>;

/**
 * What the workstation asks of a PACS, whatever protocol reaches it. Each method throws a PacsError
 * (unreachable, refused, credentials) with words for the reader.
 */
export interface PacsClient {
	/** Checks the PACS answers (C-ECHO, or a QIDO call). */
	echo(): Promise<void>;
	findStudies(query: PacsStudyQuery): Promise<PacsStudy[]>;
	/** Brings every instance of one study; returns how many arrived. */
	retrieveStudy(studyInstanceUid: string, arrived: InstanceArrived): Promise<number>;
	/** Stores DICOM Part 10 files (a report SR, a PDF) into the PACS. */
	store(files: readonly Uint8Array[]): Promise<void>;
	close(): Promise<void>;
}
