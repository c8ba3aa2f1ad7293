import type { ImportedFile, ImportOrigin } from '../studies/index.js';

/** Where retrieved instances go: the studies capability's importer, one file at a time. */
export interface RetrievedImages {
	importOne(bytes: Uint8Array, origin: ImportOrigin): Promise<ImportedFile>;
	/** Tells the worklist the study changed, once it is complete. */
	announce(studyIds: number[]): void;
}
