import { spawnSync } from 'node:child_process';

/**
 * What dicom3tools' dciodvfy says about one DICOM file: its Error and Warning lines against the IOD the
 * SOP class names. The tool is required (CI installs dicom3tools): a missing one fails the test, since a
 * skipped conformance check would pass files a strict PACS rejects.
 */
export function dciodvfyFindings(file: string): { errors: string[]; warnings: string[] } {
	const r = spawnSync('dciodvfy', [file], { encoding: 'utf8' });
	if (r.error) throw new Error(`dciodvfy did not run (install dicom3tools): ${r.error.message}`);
	const lines = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim());
	return {
		errors: lines.filter((l) => l.startsWith('Error')),
		warnings: lines.filter((l) => l.startsWith('Warning')),
	};
}
