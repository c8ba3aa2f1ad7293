import type { InstanceRecord, PixelVerdict } from '../store/SqliteStudyStore.js';
import type { ImportOrigin } from './ImportOrigin.js';

/** A received image checked before its sender was answered, waiting in its file to be stored. */
export interface AdmittedImage {
	/** The file as received (Part 10), in the receiver's spool folder. */
	readonly file: string;
	/** Without the file's hash: hashing on the sender's path cost a third of its wait; see fileSha256. */
	readonly record: Omit<InstanceRecord, 'fileSha256'>;
	/** The file's SHA-256 when the check needed it (an image stored before under its SOP Instance UID). */
	readonly fileSha256?: string;
	readonly origin: ImportOrigin;
	/** Its pixels compared with the stored original of the same SOP Instance, when there was one. */
	readonly pixels: PixelVerdict | null;
}
