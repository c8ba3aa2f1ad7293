import { openPacsClient } from '../../pacs/index.js';
import { PacsOrigins } from '../../pacs/PacsOrigins.js';
import { PacsRetrieval } from '../../pacs/PacsRetrieval.js';
import { Workstation } from '../../workstation/Workstation.js';
import { dataDirFrom, parseCommandArgs, UsageError } from '../parseArgs.js';
import { pacsOption } from '../pacsOption.js';
import { terminalText } from '../terminalText.js';

export const summary =
	'Bring a study from a PACS into the worklist and print its studyId: ' +
	'radialog pacs retrieve STUDY_UID --pacs URL [--data-dir D] [--json]';

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, { pacs: { type: 'string' }, json: { type: 'boolean' } });
	const [studyUid, ...extra] = positionals;
	if (!studyUid || extra.length) throw new UsageError('give exactly one Study Instance UID.');
	if (!/^[0-9.]{1,64}$/.test(studyUid)) throw new UsageError(`"${studyUid}" is not a Study Instance UID.`);
	const connection = pacsOption(values);
	const w = new Workstation({ dataDir: dataDirFrom(values), shell: 'browser' });
	try {
		const retrieval = new PacsRetrieval({
			images: w.importer,
			origins: new PacsOrigins(w.db),
			// Progress goes to stderr, so stdout holds only the answer a script reads.
			events: {
				emit: (e) => {
					if (e.type === 'progress') process.stderr.write(`${terminalText(e.error ?? e.label)}\n`);
				},
			},
			clientFor: openPacsClient,
		});
		const retrieved = await retrieval.retrieve(connection, studyUid, `cli-retrieve-${process.pid}`);
		console.log(values.json ? JSON.stringify(retrieved, null, 2) : String(retrieved.studyId));
		return 0;
	} finally {
		await w.close();
	}
}
