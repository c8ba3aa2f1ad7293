import { PacsStudyQuery, type PacsStudy } from '../../../common/api/pacsStudy.js';
import { openPacsClient } from '../../pacs/index.js';
import { parseCommandArgs, UsageError } from '../parseArgs.js';
import { pacsOption } from '../pacsOption.js';
import { terminalText } from '../terminalText.js';

export const summary =
	'List the studies a PACS holds: radialog pacs studies --pacs URL [--patient ID] [--since YYYYMMDD] [--json]';

/** A study as scripts read it: the project's fields, and StudyInstanceUID under its DICOM keyword too. */
function forScripts(study: PacsStudy): PacsStudy & { StudyInstanceUID: string } {
	return { ...study, StudyInstanceUID: study.studyInstanceUid };
}

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, {
		pacs: { type: 'string' },
		patient: { type: 'string' },
		since: { type: 'string' },
		json: { type: 'boolean' },
	});
	if (positionals.length) throw new UsageError(`unexpected "${positionals[0]}".`);
	const connection = pacsOption(values);
	const query = PacsStudyQuery.safeParse({
		...(values.patient ? { patientId: values.patient } : {}),
		...(values.since ? { since: values.since } : {}),
	});
	if (!query.success) throw new UsageError(query.error.issues.map((i) => i.message).join('; '));
	const client = openPacsClient(connection);
	try {
		const studies = await client.findStudies(query.data);
		if (values.json) {
			console.log(JSON.stringify({ items: studies.map(forScripts) }, null, 2));
			return 0;
		}
		console.log(`${studies.length} stud${studies.length === 1 ? 'y' : 'ies'} on ${connection.name}`);
		for (const s of studies) {
			const line = [
				s.studyDate.padEnd(8),
				s.patientName.padEnd(28).slice(0, 28),
				s.patientId.padEnd(12),
				s.modalities.join('/').padEnd(5),
				`${s.instanceCount ?? '?'} img`.padEnd(7),
				s.accessionNumber.padEnd(12),
				s.studyInstanceUid,
			].join('  ');
			// Names and ids come from the PACS: nothing in them may drive the terminal.
			console.log(terminalText(line));
		}
		return 0;
	} finally {
		await client.close();
	}
}
