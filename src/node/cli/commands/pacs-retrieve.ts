import { openPacsClient } from '../../pacs/index.js';
import { PacsOrigins } from '../../pacs/PacsOrigins.js';
import { PacsRetrieval } from '../../pacs/PacsRetrieval.js';
import { Workstation } from '../../workstation/Workstation.js';
import { dataDirFrom, parseCommandArgs, UsageError } from '../parseArgs.js';
import { pacsOption } from '../pacsOption.js';
import { terminalText } from '../terminalText.js';

export const summary =
	'Bring a study from a PACS into the worklist and print its studyId: ' +
	'radialog pacs retrieve STUDY_UID --pacs URL [--move-port P] [--data-dir D] [--json] ' +
	'(--move-port: C-MOVE to our AE title RADIALOG on that port instead of C-GET)';

export async function run(argv: string[]): Promise<number> {
	const { values, positionals } = parseCommandArgs(argv, {
		pacs: { type: 'string' },
		'move-port': { type: 'string' },
		json: { type: 'boolean' },
	});
	const [studyUid, ...extra] = positionals;
	if (!studyUid || extra.length) throw new UsageError('give exactly one Study Instance UID.');
	if (!/^[0-9.]{1,64}$/.test(studyUid)) throw new UsageError(`"${studyUid}" is not a Study Instance UID.`);
	const address = pacsOption(values);
	const movePort = values['move-port'] === undefined ? undefined : Number(values['move-port']);
	if (movePort !== undefined && !(Number.isInteger(movePort) && movePort > 0 && movePort < 65536))
		throw new UsageError(`--move-port must be 1..65535, not "${values['move-port']}".`);
	if (movePort && address.kind !== 'dimse') throw new UsageError('--move-port needs a dicom://AET@host:port PACS.');
	const connection = movePort && address.kind === 'dimse' ? { ...address, retrieveWith: 'c-move' as const } : address;
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
			clientFor: (c) => openPacsClient(c, movePort ? { movePort } : {}),
		});
		const retrieved = await retrieval.retrieve(connection, studyUid, `cli-retrieve-${process.pid}`);
		console.log(values.json ? JSON.stringify(retrieved, null, 2) : String(retrieved.studyId));
		return 0;
	} finally {
		await w.close();
	}
}
