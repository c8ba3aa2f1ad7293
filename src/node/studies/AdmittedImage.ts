import type { InstanceRecord, PixelVerdict } from '../store/SqliteStudyStore.js';
import type { ImportOrigin } from './ImportOrigin.js';

/** A received image checked before its sender was answered, waiting in its file to be stored. */
export interface AdmittedImage {
	/** The file as received (Part 10), in the receiver's spool folder. */
	readonly file: string;
	readonly record: InstanceRecord;
	readonly origin: ImportOrigin;
	/** Its pixels compared with the stored original of the same SOP Instance, when there was one. */
	readonly pixels: PixelVerdict | null;
}
