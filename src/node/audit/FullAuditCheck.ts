import type { BackgroundService } from '../workstation/BackgroundService.js';
import type { AuditChainWatch } from './AuditChainWatch.js';

/** Runs the check of every audit row once, after the UI's door is open, so it never delays start-up. */
export class FullAuditCheck implements BackgroundService {
	private timer: NodeJS.Immediate | null = null;

	constructor(private readonly watch: AuditChainWatch) {}

	start(): Promise<void> {
		this.timer = setImmediate(() => {
			this.timer = null;
			this.watch.checkAll();
		});
		return Promise.resolve();
	}

	stop(): Promise<void> {
		if (this.timer) clearImmediate(this.timer);
		this.timer = null;
		return Promise.resolve();
	}
}
