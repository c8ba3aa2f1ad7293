import { startBrowserMode } from '../../shells/startBrowserMode.js';
import { dataDirFrom, parseCommandArgs, UsageError } from '../parseArgs.js';

export const summary = 'Serve the workstation in browser mode: radialog serve [--port P] [--no-open] [--data-dir D]';

export async function run(argv: string[]): Promise<number> {
	const { values } = parseCommandArgs(argv, { port: { type: 'string' }, 'no-open': { type: 'boolean' } });
	const port = values.port === undefined ? undefined : Number(values.port);
	if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
		throw new UsageError(`--port must be 0..65535, not "${values.port}".`);
	const running = await startBrowserMode({
		dataDir: dataDirFrom(values),
		open: !values['no-open'],
		...(port !== undefined ? { port } : {}),
	});
	await new Promise<void>((resolve) => {
		const stop = () => resolve();
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	await running.stop();
	return 0;
}
