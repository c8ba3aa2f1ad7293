import { srExport } from '../../export/srExport.js';
import { openPacsClient } from '../../pacs/index.js';
import { Workstation } from '../../workstation/Workstation.js';
import { dataDirFrom, parseCommandArgs, UsageError } from '../parseArgs.js';
import { pacsOption } from '../pacsOption.js';

export const summary =
	"Send a study's signed report to a PACS as DICOM SR: " +
	'radialog pacs send STUDY_ID --pacs URL [--data-dir D] [--json]';

/** Only a signed report leaves the workstation: a draft in the PACS would be read as the result. */
class UnsignedReportError extends Error {
	override readonly name = 'UnsignedReportError';
	constructor(studyId: number) {
		super(`The report of study ${studyId} is not signed; sign it before sending it to the PACS. Nothing was sent.`);
	}
}

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, { pacs: { type: 'string' }, json: { type: 'boolean' } });
	const [id, ...extra] = positionals;
	const studyId = Number(id);
	if (!id || extra.length || !Number.isSafeInteger(studyId) || studyId < 1) {
		throw new UsageError('give exactly one studyId (as `radialog studies --json` prints it).');
	}
	const connection = pacsOption(values);
	const w = new Workstation({ dataDir: dataDirFrom(values), shell: 'browser' });
	try {
		const doc = w.reporting.documents.document(studyId);
		if (doc.status !== 'signed') throw new UnsignedReportError(studyId);
		const settings = w.settings.get();
		const reader = { name: settings.readerName, credentials: settings.readerCredentials.trim() };
		const sr = srExport({ ...doc, reader });
		const client = openPacsClient(connection);
		try {
			await client.store([sr]);
		} finally {
			await client.close();
		}
		// A report that left the workstation is an export like a file: who sent which version where.
		w.reporting.audit.record({
			studyId,
			reportId: doc.reportId,
			actor: reader.name || 'radialog pacs send',
			action: 'export',
			detail: { format: 'sr', destination: connection.name, status: doc.status, version: doc.versionNo },
		});
		const sent = { studyId, studyInstanceUid: doc.study.studyInstanceUid, pacs: connection.name };
		console.log(
			values.json
				? JSON.stringify(sent, null, 2)
				: `Sent the signed report of study ${studyId} to ${connection.name} as DICOM SR.`,
		);
		return 0;
	} finally {
		await w.close();
	}
}
