import { Workstation } from '../../workstation/Workstation.js';
import { dataDirFrom, parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary =
	'Run the DICOM C-STORE receiver without the UI: radialog receive [--port P] [--aet A] [--data-dir D]';

export async function run(argv: string[]): Promise<number> {
	const { values } = parseCommandArgs(argv, { port: { type: 'string' }, aet: { type: 'string' } });
	const w = new Workstation({ dataDir: dataDirFrom(values), shell: 'browser' });
	try {
		const current = w.settings.get().receiver;
		const port = values.port === undefined ? current.port : Number(values.port);
		if (!(Number.isInteger(port) && port > 0 && port < 65536))
			throw new UsageError(`--port must be 1..65535, not "${values.port}".`);
		const aeTitle = values.aet ?? current.aeTitle;
		if (!/^[ -~]{1,16}$/.test(aeTitle)) throw new UsageError('--aet must be 1 to 16 printable ASCII characters.');
		w.importer.onStudyImported((id) => console.log(`study ${id}: new images stored`));
		const { receiver } = await w.loadReceiver();
		// Images answered before a crash wait in the spool: stored before anything new is taken.
		const kept = await receiver.recover();
		if (kept) console.log(`stored ${kept} image${kept === 1 ? '' : 's'} received before a restart`);
		await receiver.start({ port, aeTitle });
		console.log(
			`DICOM receiver listening on port ${port} as ${aeTitle}; data in ${w.options.dataDir}. Ctrl-C stops it.`,
		);
		await new Promise<void>((resolve) => {
			process.once('SIGINT', () => resolve());
			process.once('SIGTERM', () => resolve());
		});
		return 0;
	} finally {
		await w.close();
	}
}
