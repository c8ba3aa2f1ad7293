import type { ModelEvent } from '../../common/radialog/ModelEvent.js';
import type { ReportAssistant } from '../../common/radialog/ReportAssistant.js';
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

/** The report assistant the workstation and the CLI use: RaDialog in its own process. */
export function createReportAssistant(o: ReportAssistantOptions): ModelProcessClient & ReportAssistant {
	return new ModelProcessClient({
		modelsDir: o.modelsDir,
		...(o.threads !== undefined ? { threads: o.threads } : {}),
		...(o.gpu !== undefined ? { gpu: o.gpu } : {}),
		...(o.verifyHashes !== undefined ? { verifyHashes: o.verifyHashes } : {}),
		...(o.events ? { onEvent: o.events } : {}),
		...(o.launcher ? { launcher: o.launcher } : {}),
	});
}
