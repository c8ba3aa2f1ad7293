import type { ModelEvent } from '../../common/radialog/ModelEvent.js';
import type { ReportAssistant } from '../../common/radialog/ReportAssistant.js';
import { InProcessReportAssistant } from './InProcessReportAssistant.js';
import { ModelProcessClient } from './process/ModelProcessClient.js';
import type { ModelProcessLauncher } from './process/ModelProcessLauncher.js';

export interface ReportAssistantOptions {
	/** The model folder (with manifest.json) or the manifest file: settings.modelsDir. */
	readonly modelsDir: string;
	/** CPU threads for inference; tests use 1. Default: the machine's cores, up to 8. */
	readonly threads?: number;
	readonly gpu?: 'auto' | false;
	readonly verifyHashes?: boolean;
	/** Progress for the UI or the CLI: loading %, encoding, classifying, tokens/s, notices, crashes. */
	readonly events?: (e: ModelEvent) => void;
	/** How the model process starts; default a Node child process. */
	readonly launcher?: ModelProcessLauncher;
}

/**
 * A one-shot command's assistant: the models in the command's own process (no model process to start,
 * no crash isolation needed by a process that exits when done).
 */
export interface InProcessAssistantOptions extends Omit<ReportAssistantOptions, 'launcher'> {
	readonly inProcess: true;
}

/** The report assistant the workstation and the CLI use: RaDialog in its own process, or in-process on request. */
export function createReportAssistant(o: InProcessAssistantOptions): InProcessReportAssistant;
export function createReportAssistant(o: ReportAssistantOptions): ModelProcessClient & ReportAssistant;
export function createReportAssistant(
	o: ReportAssistantOptions | InProcessAssistantOptions,
): (ModelProcessClient & ReportAssistant) | InProcessReportAssistant {
	const engine = {
		modelsDir: o.modelsDir,
		...(o.threads !== undefined ? { threads: o.threads } : {}),
		...(o.gpu !== undefined ? { gpu: o.gpu } : {}),
		...(o.verifyHashes !== undefined ? { verifyHashes: o.verifyHashes } : {}),
		...(o.events ? { onEvent: o.events } : {}),
	};
	if ('inProcess' in o && o.inProcess) return new InProcessReportAssistant(engine);
	const { launcher } = o as ReportAssistantOptions;
	return new ModelProcessClient({ ...engine, ...(launcher ? { launcher } : {}) });
}
