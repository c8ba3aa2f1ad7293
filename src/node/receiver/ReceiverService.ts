import type { Settings } from '../../common/api/appContract.js';
import type { EventSink } from '../events/EventSink.js';
import { DicomReceiver, type ReceivedImageStore, type ReceivedInstance } from './DicomReceiver.js';

/**
 * Starts the C-STORE receiver with the workstation, from the settings. `RADIALOG_RECEIVER_PORT`
 * overrides the port (`off` disables it) so test servers never fight over 11112. A port that cannot be
 * opened is reported as an error event and a log line; the workstation runs on without it. The peer limits
 * (PDU size, idle time, associations at once) come from the settings too.
 */
export class ReceiverService {
	readonly receiver: DicomReceiver;
	/** The last start failure, for status displays; null when listening or disabled. */
	lastError: string | null = null;
	/** Whether the workstation started its background services (the CLI and tests may not). */
	started = false;

	constructor(
		private readonly settings: () => Settings['receiver'],
		importer: ReceivedImageStore,
		spoolFolder: string,
		private readonly events: EventSink,
		private readonly log: (line: string) => void = (l) => console.error(l),
	) {
		this.receiver = new DicomReceiver(importer, spoolFolder, (r) => this.received(r), log);
	}

	async start(): Promise<void> {
		this.started = true;
		// Images answered before a crash are stored first, listening or not.
		const kept = await this.receiver.recover();
		if (kept) this.log(`DICOM receiver: stored ${kept} image${kept === 1 ? '' : 's'} received before a restart`);
		const s = this.settings();
		const override = process.env.RADIALOG_RECEIVER_PORT;
		if (!s.enabled || override === 'off' || override === '0') return;
		const port = override ? Number(override) : s.port;
		try {
			await this.receiver.start({
				port,
				aeTitle: s.aeTitle,
				limits: {
					maxPduBytes: s.maxPduBytes,
					idleTimeoutMs: s.idleTimeoutSeconds * 1000,
					maxAssociations: s.maxAssociations,
				},
			});
			this.lastError = null;
			this.log(`DICOM receiver listening on port ${port} as ${s.aeTitle}`);
		} catch (err) {
			this.lastError = (err as Error).message;
			this.log(this.lastError);
			this.events.emit({
				type: 'progress',
				task: 'receive',
				jobId: 'dicom-receiver',
				label: 'DICOM receiver',
				fraction: null,
				done: true,
				error: this.lastError,
				studyId: null,
			});
		}
	}

	async stop(): Promise<void> {
		this.started = false;
		await this.receiver.stop();
	}

	/** Applies changed settings (the settings.update call does this). */
	async restart(): Promise<void> {
		await this.stop();
		await this.start();
	}

	private received(r: ReceivedInstance): void {
		if (r.error) {
			this.log(`DICOM receiver: refused an instance from ${r.callingAeTitle}: ${r.error.message}`);
			this.events.emit({
				type: 'progress',
				task: 'receive',
				jobId: 'dicom-receiver',
				label: `Receiving from ${r.callingAeTitle}`,
				fraction: null,
				done: true,
				error: r.error.message,
				studyId: null,
			});
		}
	}
}
