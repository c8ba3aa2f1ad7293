import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImportFileError, ImportReport } from '../../common/api/studiesContract.js';
import type { EventSink } from '../events/EventSink.js';
import { DicomReadError } from '../dicom/DicomErrors.js';
import type { IdentityConflict } from '../store/IdentityConflict.js';
import type { InstanceRecord, PixelVerdict, SqliteStudyStore } from '../store/SqliteStudyStore.js';
import { samePixels } from './samePixels.js';
import { pixelProblem } from './pixelProblem.js';
import { notDisplayableText } from './notDisplayableText.js';
import { collectDicomFiles } from './collectDicomFiles.js';
import { OriginalsStore } from './OriginalsStore.js';
import { GroupCommit } from './GroupCommit.js';
import { QuietQueue } from './QuietQueue.js';
import { ImportFileRejected } from './ImportFileRejected.js';
import { readInstanceHeader } from './readInstanceHeader.js';
import type { AdmittedImage } from './AdmittedImage.js';
import type { ImportOrigin } from './ImportOrigin.js';

export type ImportSource = 'folder' | 'upload' | 'receiver' | 'cli';

const chunkFiles = 32;
const chunkBytes = 256 * 1024 * 1024;

export interface ImportedFile {
	readonly studyId: number;
	readonly instanceId: number;
	readonly duplicate: boolean;
}

export type { ImportOrigin } from './ImportOrigin.js';

/** A file in a batch: a path on disk, or bytes that arrived by upload or C-STORE. */
export type ImportItem = { readonly file: string } | { readonly name: string; readonly bytes: Uint8Array };

/**
 * Imports DICOM files into the store: checks each one, copies the original content-addressed, records
 * patient/study/series/instance. A bad file is reported and skipped; it never stops the batch.
 */
export class StudyImporter {
	readonly originals: OriginalsStore;
	private readonly studyListeners = new Set<(studyId: number) => void>();
	/** Pixel checks of received images, run one after another once images stop arriving. */
	private readonly pixelChecks: QuietQueue<ImportedFile & { readonly sha256: string }>;
	/** Received images are committed in groups, without an fsync each (see inUnsyncedTransaction). */
	private readonly receivedCommits: GroupCommit;

	constructor(
		private readonly store: SqliteStudyStore,
		dataDir: string,
		private readonly events?: EventSink,
	) {
		this.originals = new OriginalsStore(path.join(dataDir, 'originals'));
		this.pixelChecks = new QuietQueue((r) => this.checkPixels(r, this.originals.read(r.sha256), true));
		this.receivedCommits = new GroupCommit((saves) => store.inUnsyncedTransaction(saves));
	}

	/** Called once per study that received new images in a batch (or per C-STORE image), after it is stored. */
	onStudyImported(listener: (studyId: number) => void): () => void {
		this.studyListeners.add(listener);
		return () => this.studyListeners.delete(listener);
	}

	/** Imports files and folders (recursive, DICOMDIR-aware). */
	async importPaths(paths: readonly string[], source: ImportSource = 'folder'): Promise<ImportReport> {
		const jobId = newJobId();
		this.progress(jobId, 'Looking for DICOM files', null, false);
		const { files, missing } = await collectDicomFiles(paths);
		return this.importItems(
			files.map((file) => ({ file })),
			source,
			jobId,
			missing.map((m) => ({ ...m })),
		);
	}

	/** Imports a batch of files given as paths or bytes. */
	async importItems(
		items: readonly ImportItem[],
		source: ImportSource,
		jobId = newJobId(),
		preErrors: ImportFileError[] = [],
	): Promise<ImportReport> {
		this.store.startImport(jobId, source);
		const errors: ImportFileError[] = [...preErrors];
		const notDisplayable: ImportFileError[] = [];
		const studyIds = new Set<number>();
		let imported = 0;
		let duplicates = 0;
		const total = items.length;
		const label = `Importing ${total} file${total === 1 ? '' : 's'}`;
		this.progress(jobId, label, 0, false);
		let lastReport = Date.now();
		// Files are read a chunk at a time and stored in one transaction per chunk: one disk sync per
		// chunk instead of per file. A bad file only loses its own savepoint, never the chunk.
		for (let startAt = 0; startAt < total; startAt += chunkFiles) {
			const chunk: { name: string; bytes: Uint8Array | null; error: unknown }[] = [];
			let chunkSize = 0;
			for (let i = startAt; i < Math.min(total, startAt + chunkFiles) && chunkSize < chunkBytes; i++) {
				const item = items[i]!;
				const name = 'file' in item ? item.file : item.name;
				try {
					const bytes = 'file' in item ? await fs.readFile(item.file) : item.bytes;
					chunkSize += bytes.byteLength;
					chunk.push({ name, bytes, error: null });
				} catch (err) {
					chunk.push({ name, bytes: null, error: err });
				}
			}
			startAt -= chunkFiles - chunk.length; // a chunk cut short by size resumes where it stopped
			const toCheck: { name: string; bytes: Uint8Array; imported: ImportedFile }[] = [];
			const count = (r: ImportedFile, name: string, bytes: Uint8Array) => {
				if (r.duplicate) duplicates++;
				else {
					imported++;
					studyIds.add(r.studyId);
					toCheck.push({ name, bytes, imported: r });
				}
			};
			const toCompare: { name: string; bytes: Uint8Array; record: InstanceRecord; storedSha256: string }[] = [];
			this.store.inTransaction(() => {
				for (const c of chunk) {
					try {
						if (!c.bytes) throw c.error;
						const record = this.readRecord(c.bytes);
						const r = this.save(record, c.bytes, { actor: source, file: c.name }, null);
						if ('storedSha256' in r) toCompare.push({ name: c.name, bytes: c.bytes, record, ...r });
						else count(r, c.name, c.bytes);
					} catch (err) {
						errors.push(toFileError(c.name, err));
					}
				}
			});
			// Same SOP Instance from other bytes: decoding both takes a wait, which a transaction cannot hold.
			for (const c of toCompare) {
				try {
					const r = await this.saveComparing(
						c.record,
						c.bytes,
						{ actor: source, file: c.name },
						c.storedSha256,
					);
					count(r, c.name, c.bytes);
				} catch (err) {
					errors.push(toFileError(c.name, err));
				}
			}
			for (const c of toCheck) {
				const reason = await this.checkPixels(c.imported, c.bytes);
				if (reason) notDisplayable.push({ file: c.name, code: 'not_displayable', message: reason });
			}
			if (Date.now() - lastReport > 250) {
				lastReport = Date.now();
				this.progress(jobId, label, Math.min(1, (startAt + chunkFiles) / total), false);
			}
			// Yield between chunks so a big folder never freezes the UI's calls on the same thread.
			await new Promise((r) => setImmediate(r));
		}
		const report: ImportReport = {
			jobId,
			files: total + preErrors.length,
			imported,
			duplicates,
			failed: errors.length,
			studyIds: [...studyIds],
			errors,
			notDisplayable,
		};
		this.store.finishImport(
			jobId,
			{ files: report.files, imported, duplicates, failed: errors.length },
			report.errors,
		);
		this.progress(
			jobId,
			[
				`Imported ${imported} image${imported === 1 ? '' : 's'}`,
				duplicates ? `, ${duplicates} already here` : '',
				notDisplayable.length ? `, ${notDisplayable.length} stored but not displayable` : '',
				errors.length ? `, ${errors.length} failed` : '',
			].join(''),
			1,
			true,
			imported === 0 && errors.length
				? `${errors.length} file${errors.length === 1 ? '' : 's'} could not be imported`
				: null,
		);
		if (studyIds.size) this.announce([...studyIds]);
		return report;
	}

	/**
	 * Imports one file's bytes (the receiver calls this per C-STORE and announces the study itself). A file
	 * whose patient, study, series or pixels conflict with what is stored is refused and audited, never merged.
	 */
	async importOne(bytes: Uint8Array, origin: ImportOrigin = { actor: 'import', file: '' }): Promise<ImportedFile> {
		const record = this.readRecord(bytes);
		const sha256 = record.fileSha256;
		// The original is written first, so no row ever points at a missing file; on this thread, since a
		// hand-off to libuv's threads and back costs more than the write itself when the CPUs are busy.
		this.originals.put(sha256, bytes);
		let r: ImportedFile;
		try {
			const saved = await this.receivedCommits.run(() => this.save(record, bytes, origin, null));
			r = 'storedSha256' in saved ? await this.saveComparing(record, bytes, origin, saved.storedSha256) : saved;
		} catch (err) {
			await this.discardUnstored(sha256);
			throw err;
		}
		if (r.duplicate) await this.discardUnstored(sha256);
		// The sender gets its answer now; the decode check follows in the background, one image at a time.
		else this.pixelChecks.add({ ...r, sha256 });
		return r;
	}

	/**
	 * Checks a received file before its sender is answered, writing nothing: readable, an image with its
	 * UIDs, not in conflict with a stored patient, study or series, and for a SOP Instance stored from other
	 * bytes, the same pixels. A refusal is audited and thrown; what passes is stored later by storeReceived.
	 */
	async admit(bytes: Uint8Array, origin: ImportOrigin): Promise<Omit<AdmittedImage, 'file'>> {
		const header = readInstanceHeader(bytes);
		// The hash decides only for an image stored before under the same SOP Instance UID (and names a
		// refusal in the audit log): computed then, from bytes valid during this call; else storeReceived
		// hashes the spool file, off the sender's path.
		let fileSha256: string | undefined;
		// Not enumerable: the identity check spreads the record, which must not hash it.
		const record = Object.defineProperty({ ...header }, 'fileSha256', {
			get: () => (fileSha256 ??= OriginalsStore.sha256(bytes)),
		}) as InstanceRecord;
		let pixels: PixelVerdict | null = null;
		let decided = this.store.check(record, null);
		if (decided?.outcome === 'compare_pixels') {
			const stored = this.originals.read(decided.storedSha256);
			pixels = { storedSha256: decided.storedSha256, samePixels: await samePixels(stored, bytes) };
			decided = this.store.check(record, pixels);
		}
		if (decided?.outcome === 'refused') this.refuse(record, origin, decided.conflict);
		return { record: header, fileSha256, pixels, origin };
	}

	/** A file that would merge patients (or change a stored image's pixels): audited, then thrown. */
	private refuse(record: InstanceRecord, origin: ImportOrigin, conflict: IdentityConflict): never {
		this.store.recordRefusal({ ...origin, code: 'identity_conflict', record, conflict });
		throw new ImportFileRejected('identity_conflict', conflict.message);
	}

	/**
	 * Stores admitted images from their files in one transaction (not synced: see inUnsyncedTransaction),
	 * each file kept as the original by a link, then announces their studies. What changed since admit
	 * (another image under the same UIDs stored meanwhile) can still refuse one: its error comes back in
	 * its place. The caller deletes the files once this settles.
	 */
	async storeReceived(batch: readonly AdmittedImage[]): Promise<(ImportedFile | Error)[]> {
		const results: (ImportedFile | Error)[] = [];
		const records: InstanceRecord[] = [];
		for (const [i, a] of batch.entries()) {
			try {
				records[i] = { ...a.record, fileSha256: a.fileSha256 ?? OriginalsStore.sha256OfFile(a.file) };
			} catch (err) {
				// A file gone fails alone; any other failure fails the batch, whose files wait for the next start.
				if ((err as { code?: string }).code !== 'ENOENT') throw err;
				results[i] = err as Error;
			}
			// A pause every few files, so that senders and the UI are answered meanwhile.
			if (i % 16 === 15) await new Promise((r) => setImmediate(r));
		}
		/** Images whose SOP Instance was stored meanwhile from other bytes: index, stored original. */
		const compare: { i: number; storedSha256: string }[] = [];
		this.store.inUnsyncedTransaction(() =>
			batch.forEach((a, i) => {
				const record = records[i];
				if (!record) return;
				try {
					const keep = () => void this.originals.adopt(record.fileSha256, a.file);
					const r = this.save(record, keep, a.origin, a.pixels);
					if ('storedSha256' in r) compare.push({ i, storedSha256: r.storedSha256 });
					else results[i] = r;
				} catch (err) {
					results[i] = err as Error;
				}
			}),
		);
		for (const { i, storedSha256 } of compare) {
			const a = batch[i]!;
			results[i] = await this.saveComparing(records[i]!, await fs.readFile(a.file), a.origin, storedSha256).catch(
				(err: Error) => err,
			);
		}
		const studies = new Set<number>();
		results.forEach((r, i) => {
			if (r instanceof Error || r.duplicate) return;
			studies.add(r.studyId);
			this.pixelChecks.add({ ...r, sha256: records[i]!.fileSha256 });
		});
		if (studies.size) this.announce([...studies]);
		return results;
	}

	/** Runs the background pixel checks of received images still waiting; settles when they are done. */
	pixelChecksDone(): Promise<void> {
		return this.pixelChecks.drain();
	}

	/** A file written ahead of a refusal or a duplicate verdict goes again, unless a row points at it. */
	private async discardUnstored(sha256: string): Promise<void> {
		if (this.store.storesFile(sha256)) return;
		await this.originals.discard(sha256).catch(noop);
	}

	/**
	 * Decodes a newly stored image; when its pixels cannot be shown, marks it "stored but not displayable"
	 * with the reason, so the viewer says so instead of failing. Returns that text, or null.
	 */
	private async checkPixels(r: ImportedFile, bytes: Uint8Array, announce = false): Promise<string | null> {
		const reason = await pixelProblem(bytes);
		if (!reason) return null;
		this.store.markNotDisplayable(r.instanceId, reason);
		if (announce) this.events?.emit({ type: 'worklist.changed', studyIds: [r.studyId] });
		return notDisplayableText(reason);
	}

	/** Parses and checks one file: its header, its UIDs and that its pixels can be read; hashes it. */
	private readRecord(bytes: Uint8Array): InstanceRecord {
		return { ...readInstanceHeader(bytes), fileSha256: OriginalsStore.sha256(bytes) };
	}

	/** Stores the file, or says which stored original its pixels must be compared with first. */
	private save(
		record: InstanceRecord,
		keep: Uint8Array | (() => void),
		origin: ImportOrigin,
		pixels: PixelVerdict | null,
	): ImportedFile | { storedSha256: string } {
		const r = this.store.saveInstance(record, {
			pixels,
			beforeInsert: typeof keep === 'function' ? keep : () => this.originals.put(record.fileSha256, keep),
		});
		if (r.outcome === 'compare_pixels') return { storedSha256: r.storedSha256 };
		if (r.outcome === 'refused') this.refuse(record, origin, r.conflict);
		return { studyId: r.studyId, instanceId: r.instanceId, duplicate: r.outcome === 'duplicate' };
	}

	private async saveComparing(
		record: InstanceRecord,
		bytes: Uint8Array,
		origin: ImportOrigin,
		storedSha256: string,
	): Promise<ImportedFile> {
		// A stored original never changes under its SOP Instance UID, so one comparison settles it.
		const verdict = { storedSha256, samePixels: await samePixels(this.originals.read(storedSha256), bytes) };
		const r = this.save(record, bytes, origin, verdict);
		if ('storedSha256' in r) throw new Error(`Image ${record.sopInstanceUid} changed while it was compared.`);
		return r;
	}

	announce(studyIds: number[]): void {
		this.events?.emit({ type: 'worklist.changed', studyIds });
		for (const id of studyIds) {
			for (const l of this.studyListeners) {
				try {
					l(id);
				} catch {
					/* one listener's failure must not stop the others */
				}
			}
		}
	}

	private progress(
		jobId: string,
		label: string,
		fraction: number | null,
		done: boolean,
		error: string | null = null,
	): void {
		this.events?.emit({ type: 'progress', jobId, task: 'import', label, fraction, done, error, studyId: null });
	}
}

function noop(): void {}

function newJobId(): string {
	return `import-${crypto.randomUUID()}`;
}

function toFileError(file: string, err: unknown): ImportFileError {
	if (err instanceof DicomReadError || err instanceof ImportFileRejected)
		return { file, code: err.code, message: err.message };
	const e = err as NodeJS.ErrnoException;
	if (e?.code && typeof e.code === 'string' && e.code.startsWith('E'))
		return { file, code: 'unreadable', message: `Cannot read the file (${e.code}).` };
	return { file, code: 'failed', message: e instanceof Error ? e.message : String(err) };
}
