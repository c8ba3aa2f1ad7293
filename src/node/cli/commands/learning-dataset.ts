import { Workstation } from '../../workstation/Workstation.js';
import { dataDirFrom, parseCommandArgs } from '../parseArgs.js';

export const summary =
	'Export stored corrections and conversations as a RaDialog-instruct .json.gz: ' +
	'radialog learning-dataset [--out FOLDER] [--data-dir D]';

export async function run(argv: string[]): Promise<number> {
	const { values } = parseCommandArgs(argv, { out: { type: 'string' } });
	const workstation = new Workstation({ dataDir: dataDirFrom(values), shell: 'browser' });
	try {
		const { path, records } = workstation.reporting.exports.exportDataset(values.out);
		console.log(`${records} records written to ${path}`);
		return 0;
	} finally {
		await workstation.close();
	}
}
