import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** How imageFolder names and groups its images. */
export interface ImageFolderOptions {
	/** Images per study (and series), sent one study after another as a modality does. */
	readonly perStudy: number;
	/** Pixel rows and columns (square, 16-bit DX); 256 unless said. */
	readonly size?: number;
	/** SOP Instance UID of image i is this prefix followed by i; fresh random UIDs when absent. */
	readonly sopPrefix?: string;
}

/**
 * Fills `folder` with `n` radiographs (00000.dcm …) made from one pydicom fixture, each with its own SOP
 * Instance UID, `perStudy` to a study: what the receiver and import benches and tests send.
 */
export function imageFolder(folder: string, n: number, options: ImageFolderOptions): string {
	fs.mkdirSync(folder, { recursive: true });
	const size = String(options.size ?? 256);
	const seed = path.join(folder, '.seed.dcm');
	execFileSync('/usr/bin/python3', [
		fileURLToPath(new URL('./makeDicomFixture.py', import.meta.url)),
		seed,
		'dx16',
		`rows=${size}`,
		`cols=${size}`,
	]);
	execFileSync('/usr/bin/python3', [
		'-c',
		`
import sys, pydicom
from pydicom.uid import generate_uid
src, folder, n, per, prefix = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
ds = pydicom.dcmread(src)
for i in range(n):
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = f"{prefix}{i}" if prefix else generate_uid()
    if i % per == 0: ds.StudyInstanceUID = generate_uid(); ds.SeriesInstanceUID = generate_uid()
    ds.save_as(f"{folder}/{i:05d}.dcm")
`,
		seed,
		folder,
		String(n),
		String(options.perStudy),
		options.sopPrefix ?? '',
	]);
	fs.rmSync(seed);
	return folder;
}
