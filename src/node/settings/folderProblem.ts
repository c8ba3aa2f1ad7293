import fs from 'node:fs';
import path from 'node:path';

/**
 * Why a typed folder cannot be used, in words for the reader, or null when it can. Writing is tried
 * for real (a probe file, removed at once): permission bits alone mislead on network drives and Windows.
 */
export function folderProblem(folder: string, access: 'write' | 'read'): string | null {
	if (!folder.trim()) return 'Enter a folder.';
	if (!path.isAbsolute(folder)) {
		return `"${folder}" is not a full path. Enter one such as /home/reader/Reports or D:\\Reports.`;
	}
	let stat: fs.Stats;
	try {
		stat = fs.statSync(folder);
	} catch {
		return `There is no folder ${folder} on the workstation's computer. Create it first, or check the spelling.`;
	}
	if (!stat.isDirectory()) return `${folder} is a file, not a folder.`;
	if (access === 'read') {
		try {
			fs.readdirSync(folder);
			return null;
		} catch {
			return `The workstation may not read ${folder}. Ask IT for read access.`;
		}
	}
	const probe = path.join(folder, `.radialog-write-check-${process.pid}-${Date.now()}`);
	try {
		fs.writeFileSync(probe, '');
		fs.rmSync(probe, { force: true });
		return null;
	} catch {
		return `The workstation may not write into ${folder}. Choose another folder or ask IT for write access.`;
	}
}
