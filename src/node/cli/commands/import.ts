import { Workstation } from '../../workstation/Workstation.js';
import { dataDirFrom, parseCommandArgs, UsageError } from '../parseArgs.js';
import { terminalText } from '../terminalText.js';

export const summary = 'Import DICOM files and folders: radialog import <folder-or-files…> [--data-dir D] [--json]';

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
	if (!positionals.length) throw new UsageError('give at least one folder or file to import.');
	const w = new Workstation({ dataDir: dataDirFrom(values), shell: 'browser' });
	try {
		const report = await w.importer.importPaths(positionals, 'cli');
		if (values.json) console.log(JSON.stringify(report, null, 2));
		else {
			console.log(
				`${report.files} file${report.files === 1 ? '' : 's'}: ${report.imported} imported, ` +
					`${report.duplicates} already stored, ${report.failed} failed ` +
					`(${report.studyIds.length} stud${report.studyIds.length === 1 ? 'y' : 'ies'} updated).`,
			);
			for (const e of report.errors) console.log(terminalText(`  ${e.file}: ${e.message}`));
		}
		// Exit non-zero only when nothing at all could be taken in: a partly bad folder is still a successful import.
		return report.imported + report.duplicates > 0 || report.files === 0 ? 0 : 1;
	} finally {
		await w.close();
	}
}
